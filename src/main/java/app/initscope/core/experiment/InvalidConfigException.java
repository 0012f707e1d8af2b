package app.initscope.core.experiment;

/**
 * A configuration value that is out of range, or a configuration that does not fit in memory. The message
 * names the parameter and what is allowed.
 */
public class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter's name as the CLI spells it, without dashes (e.g. {@code fan-in})
     * @param problem   what is wrong and what is allowed
     */
    public InvalidConfigException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** The parameter's name, e.g. {@code fan-in}. */
    public String parameter() {
        return parameter;
    }
}
