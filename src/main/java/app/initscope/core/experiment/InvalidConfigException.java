package app.initscope.core.experiment;

import app.initscope.core.settings.Setting;

/**
 * A configuration value that is out of range, or a configuration that does not fit in memory. The message
 * names the parameter and what is allowed.
 */
public class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final transient Setting<?> setting;

    /**
     * @param parameter the parameter's name as the CLI spells it, without dashes (e.g. {@code fan-in})
     * @param problem   what is wrong and what is allowed
     */
    public InvalidConfigException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
        this.setting = null;
    }

    /**
     * A bad value of one setting; {@link #parameter()} is its command-line flag without the dashes.
     *
     * @param problem what is wrong and what is allowed
     */
    public InvalidConfigException(Setting<?> setting, String problem) {
        super(setting.flag().substring(2) + ": " + problem);
        this.parameter = setting.flag().substring(2);
        this.setting = setting;
    }

    /** The setting that is wrong, or empty for a problem of the whole config (its size or memory). */
    public java.util.Optional<Setting<?>> setting() {
        return java.util.Optional.ofNullable(setting);
    }

    /** What is wrong, without the parameter's name in front. */
    public String problem() {
        return getMessage().substring(parameter.length() + 2);
    }

    /** The parameter's name, e.g. {@code fan-in}. */
    public String parameter() {
        return parameter;
    }
}
