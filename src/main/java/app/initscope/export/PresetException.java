package app.initscope.export;

/**
 * A preset that cannot be read: not JSON, truncated, from a newer InitScope, or holding a value out of range.
 * The message is one line, {@code preset: PROBLEM}, and names the field or the problem, e.g.
 * {@code preset: 'config.fanIn' must be between 1 and 65536, got 0}. It does not name the file: the caller
 * knows it.
 */
public final class PresetException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String problem;

    /** @param problem what is wrong, in one line, without the {@code preset: } prefix */
    public PresetException(String problem) {
        this(problem, null);
    }

    /**
     * @param problem what is wrong, in one line, without the {@code preset: } prefix
     * @param cause   the underlying parse or I/O error, or null
     */
    public PresetException(String problem, Throwable cause) {
        super("preset: " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the {@code preset: } prefix, e.g. {@code missing 'config'}. */
    public String problem() {
        return problem;
    }
}
