package app.initscope.render;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import app.initscope.core.settings.SettingBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every view option of the window, described once as the experiment's settings are in {@link Catalog}: the tab,
 * the strategy and layer shown, the gradient, the toggles, the compare view's axes, the phase map's colouring, the
 * training charts' choices and the scrubber. The window's view options, the presets' {@code "view"} object, the
 * preferences, the tour's steps and its snapshot all loop over {@link #ALL}: a new view option is one entry here
 * and the code that uses it.
 */
public final class ViewCatalog {

    public static final Setting<ViewTab> TAB = Setting.choice("tab", "--view", ViewTab.SINGLE, ViewTab::fromId,
                    ViewTab::id, ViewTab.validIds())
            .help("The view shown.").build();

    public static final Setting<Strategy> STRATEGY = Setting.choice("strategy", "--strategy", Strategy.XAVIER,
                    Strategy::fromId, Strategy::id, Strategy.validIds())
            .help("The strategy whose histograms the single, depth and explain views show.").build();

    public static final Setting<Integer> LAYER = Setting.integer("layer", "--layer", 1)
            .range(1, Catalog.DEPTH.max())
            .help("The hidden layer shown, 1 to the depth.").build();

    public static final Setting<GradientView> GRADIENT = enumChoice("gradient", "--gradient", GradientView.DELTA,
            GradientView.values(), g -> g.tensor().id())
            .help("Which gradient the third histogram shows: δ, ∂L/∂W or φ′(z).").build();

    public static final Setting<Boolean> LOG_Y = bool("logY", "--log-y", false,
            "Whether histogram counts use a log scale.");

    public static final Setting<Boolean> SHOW_THEORY = bool("showTheory", "--theory", true,
            "Whether the theory's curve and numbers are drawn.");

    public static final Setting<Boolean> LOCK_AXES = bool("lockAxes", "--lock-axes", false,
            "Whether the histograms of one tensor share one x-axis across strategies.");

    public static final Setting<Boolean> JACOBIAN = laterBool("jacobian", "--jacobian", false,
            "Whether the window's runs take each strategy's Jacobian spectrum (a slow extra).");

    public static final Setting<AxisMode> COMPARE_AXES = enumChoice("compareAxes", "--compare-axes",
            AxisMode.SHARED, AxisMode.values(), AxisMode::id)
            .optionalInFiles()
            .help("The compare view's x-axes per column: shared (linear), symlog (shared symmetric-log) or own.")
            .build();

    public static final Setting<PhaseChart.Mode> PHASE_COLOUR = enumChoice("phaseColour", "--phase-colour",
            PhaseChart.Mode.CHI1, PhaseChart.Mode.values(), PhaseChart.Mode::id)
            .optionalInFiles()
            .help("What the phase map's colours show: ln χ₁ or the correlation depth ξ_c.").build();

    /** The training charts' strategy: {@code all}, or a strategy's id. */
    public static final Setting<String> TRAIN_STRATEGY = Setting.choice("trainStrategy", "--train-strategy", "all",
                    ViewCatalog::trainStrategy, Function.identity(), "all, " + Strategy.validIds())
            .optionalInFiles()
            .help("The strategy of the training heat map and histograms, or all.").build();

    public static final Setting<TensorKind> HEAT_TENSOR = enumChoice("heatTensor", "--heat-tensor",
            TensorKind.ACTIVATION, new TensorKind[] {TensorKind.Z, TensorKind.ACTIVATION, TensorKind.DELTA},
            TensorKind::id)
            .optionalInFiles()
            .help("The tensor of the training heat map: its histogram at every evaluation.").build();

    /** The evaluation whose histograms the Train tab shows; {@link #NEWEST} follows the newest. */
    public static final Setting<Integer> EVAL = Setting.integer("eval", "--eval", -1)
            .range(-1, Integer.MAX_VALUE)
            .optionalInFiles()
            .help("The evaluation whose histograms the training view shows; -1 follows the newest.").build();

    public static final Setting<Boolean> BATCH_ACCURACY = laterBool("batchAccuracy", "--batch-accuracy", false,
            "Whether the accuracy chart also draws each training batch's accuracy (dashed).");

    public static final Setting<Boolean> WITH_AND_WITHOUT = laterBool("withAndWithout", "--with-and-without", false,
            "Whether the depth view also runs the shown network with and without its normalization or residual "
                    + "branches, and draws their std by layer dashed.");

    /** The scrubber's value that follows the newest evaluation. */
    public static final int NEWEST = -1;

    /** Every view option, in the order of a preset's {@code "view"} object. */
    public static final List<Setting<?>> ALL = List.of(STRATEGY, LAYER, GRADIENT, LOG_Y, SHOW_THEORY, LOCK_AXES,
            TAB, JACOBIAN, COMPARE_AXES, PHASE_COLOUR, TRAIN_STRATEGY, HEAT_TENSOR, EVAL, BATCH_ACCURACY,
            WITH_AND_WITHOUT);

    private ViewCatalog() {
    }

    private static <E> SettingBuilder<E> enumChoice(String id, String flag, E defaultValue, E[] values,
                                                     Function<E, String> idOf) {
        String valid = Arrays.stream(values).map(idOf).collect(Collectors.joining(", "));
        return Setting.choice(id, flag, defaultValue, text -> {
            for (E v : values) {
                if (idOf.apply(v).equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown " + id + " '" + text + "'; valid: " + valid);
        }, idOf, valid);
    }

    private static Setting<Boolean> bool(String id, String flag, boolean defaultValue, String help) {
        return Setting.bool(id, flag, defaultValue).help(help).build();
    }

    private static Setting<Boolean> laterBool(String id, String flag, boolean defaultValue, String help) {
        return Setting.bool(id, flag, defaultValue).optionalInFiles().help(help).build();
    }

    private static String trainStrategy(String text) {
        String t = text == null ? "" : text.trim();
        return t.equals("all") ? t : Strategy.fromId(t).id();
    }
}
