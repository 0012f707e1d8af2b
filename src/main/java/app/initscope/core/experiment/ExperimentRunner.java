package app.initscope.core.experiment;

import app.initscope.core.init.Initializer;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Network;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Phi;
import app.initscope.core.nn.Symmetry;
import app.initscope.core.stats.PieceStd;
import app.initscope.core.stats.RowCorrelation;
import app.initscope.core.stats.Summary;
import app.initscope.core.theory.LayerTheory;
import app.initscope.core.theory.Theory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs an experiment: for every strategy, initialize, forward, backward, and summarize every tensor.
 *
 * <p>Every strategy sees the same input, the same targets and the same underlying random numbers (each layer
 * draws from its own stream), so strategies differ only by their rule. The result is bit-identical for the
 * same config whatever the {@link Parallel}'s thread count. Pure computation: no threads of its own, no I/O.
 *
 * <p>Cancellation reaches inside every step: each run works through {@link Parallel#cancellable}, so the cancel
 * check is polled before every piece of every product, random draw, activation and summary (pieces of a few
 * milliseconds at most), not only between steps. A run's matrix kernel is made for that cancellable parallel.
 */
public final class ExperimentRunner {

    /** The most memory a run spends on remembering the weights' normal draws across strategies. */
    static final long REMEMBERED_NORMALS_BYTES = 64L << 20;

    private final Function<Parallel, Gemm> kernel;
    private final Parallel parallel;
    private final long maxHeapBytes;
    private final String kernelName;
    private final int jacobianInputs;
    private final boolean vectors;
    /** The last run's network and kernel, for the next run of the same shape. */
    private final KeptNetwork kept;

    /**
     * @param kernel       makes the matrix kernel that splits its products with a given parallel, e.g.
     *                     {@code Kernels::best}; each run gets its own, on its cancellable parallel
     * @param parallel     how to split work
     * @param maxHeapBytes the heap the memory check measures against (usually {@code Runtime.maxMemory()})
     */
    public ExperimentRunner(Function<Parallel, Gemm> kernel, Parallel parallel, long maxHeapBytes) {
        this(kernel, parallel, maxHeapBytes, 0, true);
    }

    private ExperimentRunner(Function<Parallel, Gemm> kernel, Parallel parallel, long maxHeapBytes,
                             int jacobianInputs, boolean vectors) {
        this.kernel = kernel;
        this.parallel = parallel;
        this.maxHeapBytes = maxHeapBytes;
        this.kernelName = kernel.apply(parallel).name();
        this.jacobianInputs = jacobianInputs;
        this.vectors = vectors;
        this.kept = new KeptNetwork(maxHeapBytes);
    }

    /**
     * This runner, with each strategy's result also holding the {@linkplain JacobianSpectrum spectrum of the
     * input–output Jacobian} at the first {@code inputs} rows (0: none, as by default). It costs one SVD of a
     * fanIn × width matrix per input, and depth − 1 products of fanIn × width by width × width.
     *
     * @param inputs 0 to 1000
     */
    public ExperimentRunner withJacobian(int inputs) {
        if (inputs < 0 || inputs > 1000) {
            throw new IllegalArgumentException("the Jacobian's inputs must be between 0 and 1000, got " + inputs);
        }
        return new ExperimentRunner(kernel, parallel, maxHeapBytes, inputs, vectors);
    }

    /**
     * This runner with its activations and statistics in plain loops instead of on the Vector API: for a quick first
     * picture in a cold JVM, which runs Vector API code boxed until the JIT's last tier has compiled it (a tanh of
     * 25 000 values took 130 ms of CPU that way, against 1 ms in a plain loop). The statistics are the same bits;
     * the activations differ in the last bits, as the plain matrix kernel's products do.
     */
    public ExperimentRunner withPlainLoops() {
        return new ExperimentRunner(kernel, parallel, maxHeapBytes, jacobianInputs, false);
    }

    /** The kernel's name. */
    public String kernelName() {
        return kernelName;
    }

    /**
     * Runs every strategy of the config, in order.
     *
     * @param listener  hears progress and each finished strategy
     * @param cancelled polled before every piece of work; when it turns true the run stops with
     *                  {@link CancellationException} within a piece's time
     * @throws InvalidConfigException when the config would not fit in memory
     */
    public ExperimentResult run(ExperimentConfig config, RunListener listener, BooleanSupplier cancelled) {
        checkMemory(config);
        check(cancelled);
        Parallel par = parallel.cancellable(cancelled);
        KeptNetwork.Held held = kept.take(config, par, relay -> newNetwork(config, config.samples(), relay));
        try {
            return run(config, held.network(), par, listener, cancelled);
        } finally {
            kept.give(held);
        }
    }

    private ExperimentResult run(ExperimentConfig config, Network net, Parallel par, RunListener listener,
                                 BooleanSupplier cancelled) {
        check(cancelled);
        RandomStreams random = new RandomStreams(config.seed());
        net.drawData(random, config.input() == InputDistribution.UNIFORM, config.get(Catalog.INPUT_CORRELATION));
        // every strategy draws its weights from the same streams: the normals are drawn once and scaled after
        RandomStreams weights = random.rememberingGaussians(Math.min(REMEMBERED_NORMALS_BYTES, maxHeapBytes / 16));
        List<StrategyResult> results = new ArrayList<>();
        int count = config.strategies().size();
        for (int i = 0; i < count; i++) {
            Strategy strategy = config.strategies().get(i);
            int index = i;
            StrategyResult r = runStrategy(config, net, weights, strategy, new RunListener() {
                @Override
                public void progress(double fraction, String stage) {
                    listener.progress((index + fraction) / count, strategy.id() + ": " + stage);
                }
            }, par, cancelled);
            results.add(r);
            listener.strategyDone(r);
        }
        listener.progress(1.0, "done");
        return new ExperimentResult(config, results, kernelName);
    }

    /**
     * Runs one strategy on the first {@code rows} rows of the config's input, as a quick preview of a large run.
     *
     * <p>The input and targets are filled piece by piece of their flat row-major buffers, each piece from its own
     * generator, so the first {@code rows} rows are the same numbers whatever the sample count: the preview sees
     * exactly the full run's first rows, and the same weights. dY is divided by {@code config.samples()}, not by
     * {@code rows}, so δ has the full run's scale. Every tensor that is computed row by row (z, a, φ′, δ) is then
     * a subsample of the full run's, and its statistics estimate the full run's; so does the loss, a mean over
     * the rows held. The weight gradient is not: dW_l = a_{l−1}ᵀ·δ_l sums over rows, and the preview's lacks
     * the other rows' terms (its size falls between rows/samples and √(rows/samples) of the full run's, depending
     * on how the terms correlate), so it must not be shown as the full run's. Summaries count rows·width values.
     *
     * @param strategy  need not be one of the config's
     * @param rows      between 1 and {@code config.samples()}
     * @param cancelled polled before every piece of work; when it turns true the preview stops with
     *                  {@link CancellationException}
     * @throws IllegalArgumentException when rows is out of range
     * @throws InvalidConfigException   when the preview would not fit in memory
     */
    public StrategyResult preview(ExperimentConfig config, Strategy strategy, int rows, BooleanSupplier cancelled) {
        if (rows < 1 || rows > config.samples()) {
            throw new IllegalArgumentException("preview rows must be between 1 and " + config.samples() + ", got "
                    + rows);
        }
        check(cancelled);
        ExperimentConfig part = config.toBuilder().strategies(List.of(strategy)).samples(rows).build();
        Parallel par = parallel.cancellable(cancelled);
        Network net = newNetwork(part, config.samples(), par);
        check(cancelled);
        RandomStreams random = new RandomStreams(config.seed());
        net.drawData(random, config.input() == InputDistribution.UNIFORM, config.get(Catalog.INPUT_CORRELATION));
        return runStrategy(part, net, random, strategy, RunListener.NONE, par, cancelled);
    }

    /**
     * Refuses a config that would not fit in the heap, with the line that says how much it needs; {@link #run}
     * checks the same, and a caller that shows a preview first checks before it.
     *
     * @throws InvalidConfigException when the config would not fit in memory
     */
    public void checkMemory(ExperimentConfig config) {
        MemoryEstimate.check(config, maxHeapBytes,
                MemoryEstimate.jacobianBytes(config, jacobianInputs, parallel.parallelism()));
    }

    /** Allocates a network for a config (after the memory check); exposed for tests and benchmarks. */
    public Network newNetwork(ExperimentConfig config) {
        return newNetwork(config, config.samples(), parallel);
    }

    private Network newNetwork(ExperimentConfig config, int gradientRows, Parallel par) {
        MemoryEstimate.check(config, maxHeapBytes);
        Phi phi = config.activation().function(config.leakySlope());
        if (!vectors) {
            phi = plain(phi);
        }
        return new Network(config.samples(), config.fanIn(), config.width(), config.depth(), config.outputs(), phi,
                kernel.apply(par), par, gradientRows, config.norm(), config.residual());
    }

    /**
     * Runs one strategy on a prepared network whose data is drawn.
     *
     * @param progress  hears the fraction of this strategy done
     * @param cancelled polled between steps, and before every piece of the summaries; the network's own products
     *                  poll only if it was built on a {@linkplain Parallel#cancellable cancellable} parallel
     */
    public StrategyResult runStrategy(ExperimentConfig config, Network net, RandomStreams random, Strategy strategy,
                                      RunListener progress, BooleanSupplier cancelled) {
        return runStrategy(config, net, random, strategy, progress, parallel.cancellable(cancelled), cancelled);
    }

    private StrategyResult runStrategy(ExperimentConfig config, Network net, RandomStreams random,
                                       Strategy strategy, RunListener progress, Parallel par,
                                       BooleanSupplier cancelled) {
        long start = System.nanoTime();
        int depth = config.depth();
        double steps = 2.0 * depth + 2;
        Initializer init = strategy.initializer(config.initOptions());
        check(cancelled);
        progress.progress(0, "initialize");
        net.initialize(init, random);
        double sigmaB = config.get(Catalog.SIGMA_B);
        net.initializeBiases(sigmaB, random);
        check(cancelled);
        List<Integer> lsuvRounds = List.of();
        // the theory needs no tensor: it runs as one more piece of the first layer's second passes, on whichever
        // thread takes it first, instead of on the caller's alone before the products
        AtomicReference<List<LayerTheory>> theory = new AtomicReference<>(
                java.util.Collections.nCopies(depth, LayerTheory.NOT_APPLICABLE));
        Runnable predict = () -> theory.set(Theory.meanField(depth, config.fanIn(), config.width(),
                config.input().secondMoment(), Catalog.sigmaB2(sigmaB), config.get(Catalog.INPUT_CORRELATION), init,
                config.activation(), config.leakySlope(), config.norm(), config.residual()));
        if (strategy.dataDependent()) {
            progress.progress(0, "LSUV");
            lsuvRounds = Lsuv.apply(net, config.samples() * config.width(), par, cancelled);
            predict = null;
        }

        Summary.SaturationTest saturation = config.activation().hasSaturation()
                ? Summary.SaturationTest.outside(config.activation().saturatedBelow(),
                        config.activation().saturatedAbove())
                : null;
        List<Map<TensorKind, Summary>> tensors = new ArrayList<>();
        int[] distinct = new int[depth + 1];
        double[] weightStd = new double[depth + 1];
        double[] correlation = new double[depth + 1];
        Summary[] normalized = new Summary[depth + 1];
        tensors.add(null);
        for (int l = 1; l <= depth; l++) {
            check(cancelled);
            progress.progress((l) / steps, "forward layer " + l);
            int n = config.samples() * config.width();
            // each piece's first pass right where the activation has written it; the second passes of the three
            // tensors then share one split of the work
            Summary.Sweep z = sweep(config, TensorKind.Z, n, null);
            Summary.Sweep a = sweep(config, TensorKind.ACTIVATION, n, saturation);
            Summary.Sweep d = sweep(config, TensorKind.LOCAL_GRADIENT, n, null);
            float[] zl = net.z(l);
            float[] al = net.activation(l);
            float[] dl = net.localGradient(l);
            net.forward(l, p -> Summary.Sweep.firstThree(z, zl, a, al, d, dl, p));
            // one split of the work for the three second passes, the weights' std and z's row correlation, which
            // all read tensors that are final now: one wait for the last piece instead of three
            int groups = z.groups();
            Runnable extra = l == 1 ? predict : null;
            int first = extra == null ? 0 : 1;
            int nw = net.fanIn(l) * config.width();
            float[] wl = net.weights(l);
            PieceStd std = new PieceStd();
            std.reset(nw);
            int stdGroups = PieceStd.groups(nw);
            RowCorrelation.Sums rows = new RowCorrelation.Sums(zl, config.samples(), config.width());
            int summaries = first + 3 * groups;
            par.forEach(summaries + stdGroups + rows.blocks(), piece -> {
                int i = piece - first;
                if (piece >= summaries + stdGroups) {
                    rows.block(piece - summaries - stdGroups);
                } else if (piece >= summaries) {
                    std.group(wl, nw, piece - summaries);
                } else {
                    switch (i < 0 ? -1 : i % 3) {
                        case -1 -> extra.run();
                        case 0 -> z.second(zl, i / 3);
                        case 1 -> a.second(al, i / 3);
                        default -> d.second(dl, i / 3);
                    }
                }
            });
            weightStd[l] = std.value(nw);
            correlation[l] = rows.mean();
            Map<TensorKind, Summary> m = new EnumMap<>(TensorKind.class);
            m.put(TensorKind.Z, z.finish());
            if (net.normalized(l) != null) {
                normalized[l] = Summary.of(net.normalized(l), n, null, config.bins(), null, par, true, vectors);
            }
            m.put(TensorKind.ACTIVATION, a.finish());
            m.put(TensorKind.LOCAL_GRADIENT, d.finish());
            distinct[l] = Symmetry.distinctColumns(net.activation(l), config.samples(), config.width(), par);
            tensors.add(m);
        }
        check(cancelled);
        progress.progress((depth + 1) / steps, "readout");
        double loss = net.readout();
        for (int l = depth; l >= 1; l--) {
            check(cancelled);
            progress.progress((2.0 * depth + 2 - l) / steps, "backward layer " + l);
            int n = config.samples() * config.width();
            int nw = net.fanIn(l) * config.width();
            Summary.Sweep delta = sweep(config, TensorKind.DELTA, n, null);
            Summary.Sweep dw = sweep(config, TensorKind.WEIGHT_GRADIENT, nw, null);
            float[] deltaL = net.delta(l);
            float[] dwl = net.weightGradient(l);
            net.backward(l, p -> delta.first(deltaL, p));
            par.forEach(dw.pieces(), p -> dw.first(dwl, p));
            int groups = delta.groups();
            par.forEach(groups + dw.groups(), i -> {
                if (i < groups) {
                    delta.second(deltaL, i);
                } else {
                    dw.second(dwl, i - groups);
                }
            });
            Map<TensorKind, Summary> m = tensors.get(l);
            m.put(TensorKind.DELTA, delta.finish());
            m.put(TensorKind.WEIGHT_GRADIENT, dw.finish());
        }
        List<LayerResult> layers = new ArrayList<>(depth);
        for (int l = 1; l <= depth; l++) {
            layers.add(new LayerResult(l, net.fanIn(l), config.width(), weightStd[l], distinct[l],
                    theory.get().get(l - 1), tensors.get(l), correlation[l], normalized[l]));
        }
        JacobianSpectrum jacobian = null;
        if (jacobianInputs > 0 && config.norm() == Norm.NONE) {
            check(cancelled);
            progress.progress(1.0, "Jacobian");
            jacobian = JacobianSpectrum.of(net, jacobianInputs, kernel.apply(par), config.bins(), par, cancelled);
        }
        progress.progress(1.0, "done");
        return new StrategyResult(strategy, loss, layers, (System.nanoTime() - start) / 1e6, jacobian, lsuvRounds);
    }

    /** The summary passes of one tensor of n values, by sign and magnitude too. */
    private Summary.Sweep sweep(ExperimentConfig config, TensorKind kind, int n, Summary.SaturationTest saturation) {
        // by sign and magnitude too: the compare grid's symlog axis is binned from those (defect 5)
        return new Summary.Sweep(n, config.ranges().get(kind), config.bins(), saturation, true, vectors);
    }

    /** φ with {@link Phi#apply}'s plain loop over its value and derivative, whatever fast path φ has. */
    private static Phi plain(Phi phi) {
        return new Phi() {
            @Override
            public double value(double z) {
                return phi.value(z);
            }

            @Override
            public double derivative(double z) {
                return phi.derivative(z);
            }

            @Override
            public double[] gaussianMoments(double q) {
                return phi.gaussianMoments(q);
            }
        };
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
    }
}
