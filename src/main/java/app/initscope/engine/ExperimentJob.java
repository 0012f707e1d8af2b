package app.initscope.engine;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.ExperimentRunner;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.experiment.StrategyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's experiment as a {@link Job}: for a large config a quick preview of the first strategy from the
 * first rows, then the full run, streaming a snapshot after each finished strategy (the strategies done so far,
 * in the config's order). The final snapshot is the complete result.
 */
public final class ExperimentJob implements Job<ExperimentConfig, ExperimentResult> {

    /**
     * Above this many multiply-adds for one strategy, a quick preview from the first rows comes first. Measured
     * (PipelineBenchmark): the seed's 2·10⁹ take 26 ms, so 8·10⁹ is about the 100 ms a slider change may take.
     */
    public static final double PREVIEW_THRESHOLD = 8e9;
    /** The size of the preview: about 10⁹ multiply-adds, some 15 ms. */
    public static final double PREVIEW_BUDGET = 1e9;
    /**
     * The multiply-adds of the first preview in a cold JVM, on the plain kernel before the JIT has compiled
     * anything: a few rows, a fraction of a second.
     */
    public static final double COLD_PREVIEW_BUDGET = 5e7;

    private final Engine engine;
    private final int jacobianInputs;

    /** @param engine warms up and runs the experiments */
    public ExperimentJob(Engine engine) {
        this(engine, 0);
    }

    /**
     * @param engine         warms up and runs the experiments
     * @param jacobianInputs the inputs of each strategy's Jacobian spectrum, 0 for none
     */
    public ExperimentJob(Engine engine, int jacobianInputs) {
        this.engine = engine;
        this.jacobianInputs = jacobianInputs;
    }

    /**
     * A request of the window: a config, and whether each strategy's Jacobian spectrum is taken (at how many
     * inputs; 0 for none), which the config does not hold because it is the window's option, not the experiment's.
     */
    public record Request(ExperimentConfig config, int jacobianInputs) {
    }

    /** The job of {@link Request}s: each runs {@link ExperimentJob} with its own Jacobian inputs. */
    public static Job<Request, ExperimentResult> requests(Engine engine) {
        return (request, out, cancel) -> new ExperimentJob(engine, request.jacobianInputs())
                .run(request.config(), out, cancel);
    }

    @Override
    public ExperimentResult run(ExperimentConfig input, Emitter<ExperimentResult> out, CancelToken cancel) {
        out.progress(-1, "computing…");
        ExperimentRunner runner = engine.runner().withJacobian(jacobianInputs);
        String kernel = runner.kernelName();
        runner.checkMemory(input);          // a config too large is refused before any preview, not after it
        // In a cold JVM the first picture comes from the plain kernel, before the warm-up, for anything larger than
        // a preview: the window's first histograms no longer wait for the Vector API kernel to be compiled.
        boolean cold = !engine.isWarm();
        double budget = cold ? COLD_PREVIEW_BUDGET : PREVIEW_BUDGET;
        if (input.multiplyAdds() > (cold ? COLD_PREVIEW_BUDGET : PREVIEW_THRESHOLD) && !input.strategies().isEmpty()) {
            int rows = input.previewRows(budget);
            if (rows < input.samples()) {
                ExperimentRunner first = cold ? engine.plainRunner() : runner;
                StrategyResult preview = first.preview(input, input.strategies().getFirst(), rows, cancel);
                out.emit(new ExperimentResult(input, List.of(preview), first.kernelName(), true));
                if (cold) {
                    engine.awaitFirstPicture(cancel);
                }
            }
        }
        engine.warmUp(cancel);
        List<StrategyResult> done = new ArrayList<>();
        return runner.run(input, new RunListener() {
            @Override
            public void progress(double fraction, String stage) {
                out.progress(fraction, stage);
            }

            @Override
            public void strategyDone(StrategyResult result) {
                done.add(result);
                if (done.size() < input.strategies().size()) {
                    out.emit(new ExperimentResult(input, done, kernel));     // an immutable copy
                }
            }
        }, cancel);
    }
}
