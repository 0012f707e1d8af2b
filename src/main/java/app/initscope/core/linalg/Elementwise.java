package app.initscope.core.linalg;

/**
 * Fast paths for activations whose scalar form is dominated by {@code Math.tanh} or {@code Math.exp}: the
 * Vector API when its module is present, otherwise nothing (the caller keeps its scalar loop).
 *
 * <p>Every method: {@code z} Not modified; {@code a} and {@code d} Modified on {@code [from, to)}. Each
 * returns false, doing nothing, when there is no fast path.
 */
public final class Elementwise {

    private static final boolean VECTOR = Kernels.vectorApiAvailable();

    private Elementwise() {
    }

    /** tanh and sech². */
    public static boolean tanh(float[] z, float[] a, float[] d, int from, int to) {
        if (VECTOR) {
            VectorActivations.tanh(z, a, d, from, to);
        }
        return VECTOR;
    }

    /** σ and σ(1 − σ). */
    public static boolean sigmoid(float[] z, float[] a, float[] d, int from, int to) {
        if (VECTOR) {
            VectorActivations.sigmoid(z, a, d, from, to);
        }
        return VECTOR;
    }

    /** GELU (tanh form) and its derivative, with c = √(2/π) and k = 0.044715. */
    public static boolean gelu(float[] z, float[] a, float[] d, int from, int to, double c, double k) {
        if (VECTOR) {
            VectorActivations.gelu(z, a, d, from, to, (float) c, (float) k);
        }
        return VECTOR;
    }

    /** SELU and its derivative. */
    public static boolean selu(float[] z, float[] a, float[] d, int from, int to, double lambda, double alpha) {
        if (VECTOR) {
            VectorActivations.selu(z, a, d, from, to, (float) lambda, (float) alpha);
        }
        return VECTOR;
    }
}
