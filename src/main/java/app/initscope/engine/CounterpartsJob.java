package app.initscope.engine;

import app.initscope.core.experiment.Counterparts;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import java.util.List;

/**
 * The depth view's "with and without" as a {@link Job}: the {@linkplain Counterparts counterparts} of the shown
 * network, for the shown strategy, run one after another on the engine's compute threads.
 */
public final class CounterpartsJob implements Job<CounterpartsJob.Request, CounterpartsJob.Answer> {

    /** The network shown and its strategy. */
    public record Request(ExperimentConfig config, Strategy strategy) {
    }

    /** The runs of a request, in the order of {@link Counterparts#of}. */
    public record Answer(Request request, List<Counterparts.Run> runs) {

        /** Copies the list. */
        public Answer {
            runs = List.copyOf(runs);
        }
    }

    private final Engine engine;

    /** @param engine warms up and runs the experiments */
    public CounterpartsJob(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Answer run(Request request, Emitter<Answer> out, CancelToken cancel) {
        out.progress(-1, "with and without…");
        engine.warmUp(cancel);
        return new Answer(request, Counterparts.run(engine.runner(), request.config(), request.strategy(), cancel));
    }
}
