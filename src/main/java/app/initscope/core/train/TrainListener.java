package app.initscope.core.train;

/** Hears snapshots of a training while it runs. Called on the training's thread. */
@FunctionalInterface
public interface TrainListener {

    /** Hears nothing. */
    TrainListener NONE = new TrainListener() {
        @Override
        public boolean wants(int stepsMade) {
            return false;
        }

        @Override
        public void snapshot(TrainResult snapshot) {
        }
    };

    /**
     * Whether to build a snapshot now, after {@code stepsMade} updates; asked at each step the trainer's snapshot
     * interval allows. A listener that throttles by time answers false until its next snapshot is due, so the
     * trainer spends nothing on snapshots nobody shows.
     */
    default boolean wants(int stepsMade) {
        return true;
    }

    /** A snapshot of everything recorded so far ({@link TrainResult#complete()} is false). */
    void snapshot(TrainResult snapshot);
}
