package app.initscope.core.experiment;

/** Hears how a run progresses. Called on the thread that runs the experiment. */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /**
     * @param fraction how much of the whole run is done, 0 to 1
     * @param stage    what is being computed, e.g. {@code "xavier: forward"}
     */
    default void progress(double fraction, String stage) {
    }

    /** A strategy finished; results arrive in the config's order. */
    default void strategyDone(StrategyResult result) {
    }
}
