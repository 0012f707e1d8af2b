package app.initscope.core.experiment;

import app.initscope.core.settings.Setting;
import java.util.List;

/**
 * The inputs of the mean-field theory ({@code initscope theory}), described once as {@link Catalog}'s settings
 * are, with their own list: they are not part of an experiment's config, so {@link Catalog#ALL} (and with it the
 * JSON of {@code run}) does not list them. The activation and its leaky slope are {@link Catalog}'s own entries.
 *
 * <p>It lives next to {@link Catalog} rather than in {@code core.theory}, because within {@code core} only
 * {@code experiment} may use {@code settings}.
 */
public final class TheoryCatalog {

    public static final Setting<Double> SIGMA_W2 = Setting.number("sigmaW2", "--sigma-w2", 1.0)
            .range(0, 10).window(0.5, 5).label("σ_w²").paramLabel("V")
            .help("The weight variance times the fan-in, σ_w² = fan_in·Var(w); must be > 0. Xavier gives 1, He 2. "
                    + "(Above 10 the quadrature of a saturating activation loses accuracy.)")
            .build();

    public static final Setting<Double> SIGMA_B2 = Setting.number("sigmaB2", "--sigma-b2", 0.0)
            .range(0, 0.5).window(0, 0.5).label("σ_b²").paramLabel("V")
            .help("The bias variance σ_b², added to Var(z) at every layer; it pulls inputs together, towards order.")
            .build();

    /** The theory's own settings, in the order of its JSON. */
    public static final List<Setting<?>> ALL = List.of(SIGMA_W2, SIGMA_B2);

    private TheoryCatalog() {
    }
}
