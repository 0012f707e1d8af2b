package app.initscope.core.train;

import app.initscope.core.settings.Ids;

/**
 * The update rules, each applied elementwise to every parameter p with gradient g at step t = 1, 2, …:
 * <pre>
 *   sgd:      p ← p − lr·g
 *   momentum: v ← 0.9·v + g,  p ← p − lr·v                       (PyTorch's form, v₀ = 0)
 *   adam:     m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,
 *             p ← p − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)        (Kingma and Ba 2015: β₁ 0.9, β₂ 0.999, ε 1e−8)
 * </pre>
 * Each element's update is computed in double from its float state, and the new state and parameter are rounded to
 * float, by the same operations for every element, so identical columns stay identical.
 */
public enum Optimizer implements Ids.Kebab {
    SGD,
    MOMENTUM,
    ADAM;

    public static final double MOMENTUM_BETA = 0.9;
    public static final double ADAM_BETA1 = 0.9;
    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;

    /** How many state arrays of a parameter's size the rule keeps. */
    int stateArrays() {
        return switch (this) {
            case SGD -> 0;
            case MOMENTUM -> 1;
            case ADAM -> 2;
        };
    }

    /**
     * Updates {@code p[from, to)} in place and writes each element's change into {@code delta}.
     *
     * @param p     Modified
     * @param g     Not modified
     * @param s1    momentum's v or Adam's m (Modified), unused by sgd
     * @param s2    Adam's v (Modified), unused otherwise
     * @param delta Modified: the new p minus the old
     * @param t     the step number, from 1
     */
    void update(float[] p, float[] g, float[] s1, float[] s2, float[] delta, double lr, int t, int from, int to) {
        switch (this) {
            case SGD -> {
                for (int i = from; i < to; i++) {
                    float old = p[i];
                    p[i] = (float) (old - lr * g[i]);
                    delta[i] = p[i] - old;
                }
            }
            case MOMENTUM -> {
                for (int i = from; i < to; i++) {
                    float v = (float) (MOMENTUM_BETA * s1[i] + g[i]);
                    s1[i] = v;
                    float old = p[i];
                    p[i] = (float) (old - lr * v);
                    delta[i] = p[i] - old;
                }
            }
            case ADAM -> {
                double c1 = 1 - Math.pow(ADAM_BETA1, t);
                double c2 = 1 - Math.pow(ADAM_BETA2, t);
                for (int i = from; i < to; i++) {
                    double gi = g[i];
                    float m = (float) (ADAM_BETA1 * s1[i] + (1 - ADAM_BETA1) * gi);
                    float v = (float) (ADAM_BETA2 * s2[i] + (1 - ADAM_BETA2) * gi * gi);
                    s1[i] = m;
                    s2[i] = v;
                    float old = p[i];
                    p[i] = (float) (old - lr * (m / c1) / (Math.sqrt(v / c2) + ADAM_EPSILON));
                    delta[i] = p[i] - old;
                }
            }
        }
    }

    /** The optimizer with this id. @throws IllegalArgumentException naming the valid ids */
    public static Optimizer fromId(String id) {
        return Ids.lookup(Optimizer.class, id, "optimizer");
    }

    public static String validIds() {
        return Ids.valid(Optimizer.class);
    }

    @Override
    public String toString() {
        return id();
    }
}
