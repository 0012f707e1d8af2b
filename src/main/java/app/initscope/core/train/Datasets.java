package app.initscope.core.train;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InputDistribution;
import app.initscope.core.init.Initializer;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Network;
import app.initscope.core.nn.Phi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/** Builds the data sets, all offline and all from the seed. */
public final class Datasets {

    /** Rows of digits used for training (the first); the rest test. */
    public static final int DIGITS_TRAIN_ROWS = 1500;
    /** Rows of the digits file. */
    public static final int DIGITS_ROWS = 1797;
    /** The digits' pixels per image. */
    public static final int DIGITS_INPUTS = DatasetId.DIGITS.inputs(0);

    /** Random stream ids, apart from every stream of {@link Network}. */
    static final long TEST_INPUT_STREAM = 3;
    static final long NOISE_STREAM = 4;
    static final long TEST_NOISE_STREAM = 5;
    static final long POINTS_STREAM = 6;
    static final long TEST_POINTS_STREAM = 7;
    static final long TEACHER_SEED_SALT = 0x7EAC4E25L;

    private static final String DIGITS_RESOURCE = "/app/initscope/data/digits.csv.gz";

    private Datasets() {
    }

    /**
     * The data set a training config names, for an experiment config's network and seed.
     *
     * @param gemm     the kernel for the teacher's forward pass
     * @param parallel how to split the teacher's work
     */
    public static Dataset of(ExperimentConfig config, TrainConfig train, Gemm gemm, Parallel parallel) {
        return switch (train.dataset()) {
            case DIGITS -> digits();
            case TEACHER -> teacher(config, train.noise(), gemm, parallel);
            case SPIRAL, MOONS, CIRCLES, XOR -> points(train.dataset(), config.samples(), train.noise(),
                    config.seed());
        };
    }

    /**
     * The handwritten digits: the first 1500 rows train, the last 297 test, each column standardized with the
     * training rows' mean and std (a column whose std is 0 is only centred).
     */
    public static Dataset digits() {
        float[][] rows = new float[DIGITS_ROWS][];
        int[] labels = new int[DIGITS_ROWS];
        try (InputStream raw = Datasets.class.getResourceAsStream(DIGITS_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the digits data set is missing from the application: "
                        + DIGITS_RESOURCE);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.US_ASCII));
            int r = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (r >= DIGITS_ROWS || cells.length != DIGITS_INPUTS + 1) {
                    throw new IllegalStateException("the digits data set is malformed at row " + (r + 1));
                }
                float[] row = new float[DIGITS_INPUTS];
                for (int j = 0; j < DIGITS_INPUTS; j++) {
                    row[j] = Integer.parseInt(cells[j].trim());
                }
                rows[r] = row;
                labels[r] = Integer.parseInt(cells[DIGITS_INPUTS].trim());
                r++;
            }
            if (r != DIGITS_ROWS) {
                throw new IllegalStateException("the digits data set has " + r + " rows, expected " + DIGITS_ROWS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] mean = new double[DIGITS_INPUTS];
        double[] std = new double[DIGITS_INPUTS];
        for (int j = 0; j < DIGITS_INPUTS; j++) {
            double s = 0;
            for (int r = 0; r < DIGITS_TRAIN_ROWS; r++) {
                s += rows[r][j];
            }
            mean[j] = s / DIGITS_TRAIN_ROWS;
            double ss = 0;
            for (int r = 0; r < DIGITS_TRAIN_ROWS; r++) {
                double d = rows[r][j] - mean[j];
                ss += d * d;
            }
            std[j] = Math.sqrt(ss / DIGITS_TRAIN_ROWS);
        }
        int testRows = DIGITS_ROWS - DIGITS_TRAIN_ROWS;
        float[] trainX = new float[DIGITS_TRAIN_ROWS * DIGITS_INPUTS];
        float[] testX = new float[testRows * DIGITS_INPUTS];
        for (int r = 0; r < DIGITS_ROWS; r++) {
            float[] out = r < DIGITS_TRAIN_ROWS ? trainX : testX;
            int base = (r < DIGITS_TRAIN_ROWS ? r : r - DIGITS_TRAIN_ROWS) * DIGITS_INPUTS;
            for (int j = 0; j < DIGITS_INPUTS; j++) {
                double centred = rows[r][j] - mean[j];
                out[base + j] = (float) (std[j] > 0 ? centred / std[j] : centred);
            }
        }
        int[] trainLabels = java.util.Arrays.copyOfRange(labels, 0, DIGITS_TRAIN_ROWS);
        int[] testLabels = java.util.Arrays.copyOfRange(labels, DIGITS_TRAIN_ROWS, DIGITS_ROWS);
        return new Dataset(DatasetId.DIGITS.id(), DIGITS_INPUTS, DatasetId.DIGITS.outputs(0), true,
                new Dataset.Split(DIGITS_TRAIN_ROWS, trainX, null, trainLabels),
                new Dataset.Split(testRows, testX, null, testLabels));
    }

    /**
     * The teacher regression: X is the seed's input ({@code samples × fanIn}, drawn as {@link Network#drawData}
     * draws it, so it is the same X as {@code run}'s); the targets are a fixed teacher MLP's outputs (same depth,
     * width, activation and outputs; He weights N(0, 2/fan_in), no biases, from its own seed) plus N(0, noise²).
     * The test rows are drawn the same way from other streams.
     */
    public static Dataset teacher(ExperimentConfig config, double noise, Gemm gemm, Parallel parallel) {
        int n = config.samples();
        int in = config.fanIn();
        RandomStreams random = new RandomStreams(config.seed());
        boolean uniform = config.input() == InputDistribution.UNIFORM;
        float[] trainX = new float[n * in];
        float[] testX = new float[n * in];
        draw(random, trainX, uniform, Network.INPUT_STREAM, parallel);
        draw(random, testX, uniform, TEST_INPUT_STREAM, parallel);
        Phi phi = config.activation().function(config.leakySlope());
        Mlp teacher = new Mlp(in, config.width(), config.depth(), config.outputs(), false, phi, gemm, parallel);
        Initializer he = new Initializer.Normal((fanIn, fanOut) -> Math.sqrt(2.0 / fanIn));
        teacher.initialize(he, new RandomStreams(config.seed() ^ TEACHER_SEED_SALT));
        float[] trainT = teacher.predict(trainX, n).clone();
        float[] testT = teacher.predict(testX, n).clone();
        addNoise(random, trainT, noise, NOISE_STREAM, parallel);
        addNoise(random, testT, noise, TEST_NOISE_STREAM, parallel);
        return new Dataset(DatasetId.TEACHER.id(), in, config.outputs(), false,
                new Dataset.Split(n, trainX, trainT, null), new Dataset.Split(n, testX, testT, null));
    }

    private static void draw(RandomStreams random, float[] x, boolean uniform, long stream, Parallel parallel) {
        if (uniform) {
            random.fillUniform(x, x.length, Math.sqrt(3.0), stream, parallel);
        } else {
            random.fillGaussian(x, x.length, 1.0, stream, parallel);
        }
    }

    private static void addNoise(RandomStreams random, float[] t, double noise, long stream, Parallel parallel) {
        if (noise == 0) {
            return;
        }
        float[] e = new float[t.length];
        random.fillGaussian(e, e.length, noise, stream, parallel);
        for (int i = 0; i < t.length; i++) {
            t[i] += e[i];
        }
    }

    /**
     * A 2-D classification set of {@code rows} training and {@code rows} test points, each coordinate with
     * N(0, noise²) added:
     * <ul>
     *   <li>spiral: three arms, radius r ∈ [0, 1], angle 4k + 4r (k the arm), as in CS231n;</li>
     *   <li>moons: two half circles of radius 1, the second shifted by (1, −0.5) and flipped, as scikit-learn's;</li>
     *   <li>circles: a disc of radius 0.5 inside a circle of radius 1;</li>
     *   <li>xor: points uniform in [−1, 1]², the class 1 where x·y &gt; 0 (before the noise).</li>
     * </ul>
     */
    public static Dataset points(DatasetId id, int rows, double noise, long seed) {
        RandomStreams random = new RandomStreams(seed);
        int classes = id.outputs(0);
        Dataset.Split train = pointSplit(id, rows, noise, random.generator(POINTS_STREAM, 0));
        Dataset.Split test = pointSplit(id, rows, noise, random.generator(TEST_POINTS_STREAM, 0));
        return new Dataset(id.id(), id.inputs(0), classes, true, train, test);
    }

    private static Dataset.Split pointSplit(DatasetId id, int rows, double noise, SplittableRandom rng) {
        float[] x = new float[2 * rows];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double px;
            double py;
            int label;
            switch (id) {
                case SPIRAL -> {
                    label = rng.nextInt(3);
                    double r = rng.nextDouble();
                    double angle = 4.0 * label + 4.0 * r;
                    px = r * Math.sin(angle);
                    py = r * Math.cos(angle);
                }
                case MOONS -> {
                    label = rng.nextInt(2);
                    double angle = Math.PI * rng.nextDouble();
                    px = label == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
                    py = label == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
                }
                case CIRCLES -> {
                    label = rng.nextInt(2);
                    double angle = 2 * Math.PI * rng.nextDouble();
                    double r = label == 0 ? 1.0 : 0.5;
                    px = r * Math.cos(angle);
                    py = r * Math.sin(angle);
                }
                case XOR -> {
                    px = 2 * rng.nextDouble() - 1;
                    py = 2 * rng.nextDouble() - 1;
                    label = px * py > 0 ? 1 : 0;
                }
                default -> throw new IllegalArgumentException("not a 2-D data set: " + id);
            }
            x[2 * i] = (float) (px + noise * rng.nextGaussian());
            x[2 * i + 1] = (float) (py + noise * rng.nextGaussian());
            labels[i] = label;
        }
        return new Dataset.Split(rows, x, null, labels);
    }
}
