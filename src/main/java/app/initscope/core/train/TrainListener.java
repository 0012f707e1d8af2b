package app.initscope.core.train;

/** Hears snapshots of a training while it runs. Called on the training's thread. */
@FunctionalInterface
public interface TrainListener {

    /** Hears nothing. */
    TrainListener NONE = snapshot -> { };

    /** A snapshot of everything recorded so far ({@link TrainResult#complete()} is false). */
    void snapshot(TrainResult snapshot);
}
