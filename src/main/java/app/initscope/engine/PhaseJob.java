package app.initscope.engine;

import app.initscope.core.nn.Activation;
import app.initscope.core.theory.PhaseDiagram;

/**
 * The window's phase diagram as a {@link Job}: the mean-field grid of one activation on the engine's compute
 * threads (about 0.4 s of CPU for 200 × 200 tanh points), cancelled when a newer activation is asked for.
 */
public final class PhaseJob implements Job<PhaseJob.Request, PhaseDiagram> {

    /** What to compute: the activation, its leaky slope, and the points along each axis. */
    public record Request(Activation activation, double leakySlope, int size) {
    }

    private final Engine engine;

    /** @param engine whose compute threads split the grid's rows */
    public PhaseJob(Engine engine) {
        this.engine = engine;
    }

    @Override
    public PhaseDiagram run(Request request, Emitter<PhaseDiagram> out, CancelToken cancel) {
        out.progress(-1, "phase diagram…");
        return PhaseDiagram.compute(request.activation(), request.leakySlope(), request.size(),
                engine.pool().cancellable(cancel));
    }
}
