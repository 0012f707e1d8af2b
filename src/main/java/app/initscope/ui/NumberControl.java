package app.initscope.ui;

import app.initscope.core.settings.Setting;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A slider paired with an editable field for one numeric setting (whole numbers, or decimals for a setting like
 * the leaky-ReLU slope). The field commits on Enter (or when it loses focus); a value that does not parse or is
 * out of range is refused with a visible hint, and the last good value stays. The slider may use a log scale, so
 * a range like 1–4096 is easy to sweep.
 */
final class NumberControl extends VBox {

    private final Property<Number> value;
    private final double min;
    private final double max;
    private final boolean whole;
    private final TextField field = new TextField();
    private final Label hint = new Label();
    private final Slider slider;
    private final DoubleUnaryOperator fromSlider;
    private final DoubleUnaryOperator toSlider;
    private final boolean logScale;
    private boolean updating;

    /**
     * The editor of a numeric setting of the catalog: its flag (without dashes) as the node id, its label, help
     * and the window's range, a whole-number field unless it is a real number, and a log slider when it asks.
     */
    static NumberControl of(Setting<? extends Number> s, Property<Number> value) {
        return new NumberControl(s.flag().substring(2), s.label(), s.help(), value, s.windowMin(), s.windowMax(),
                s.kind() != Setting.Kind.NUMBER, s.logScale());
    }

    /**
     * @param id      the node id prefix (the field is {@code id + "-field"}, the slider {@code id + "-slider"})
     * @param label   what the user reads
     * @param tooltip what it does and why it matters
     * @param whole    whether the setting is a whole number (an IntegerProperty) rather than a decimal
     * @param logScale whether the slider moves in powers of two
     */
    NumberControl(String id, String label, String tooltip, Property<Number> value, double min, double max,
                  boolean whole, boolean logScale) {
        this.value = value;
        this.min = min;
        this.max = max;
        this.whole = whole;
        this.logScale = logScale;
        if (logScale) {
            toSlider = v -> Math.log(v) / Math.log(2);
            fromSlider = s -> Math.pow(2, s);
        } else {
            toSlider = v -> v;
            fromSlider = s -> s;
        }
        slider = new Slider(toSlider.applyAsDouble(min), toSlider.applyAsDouble(max),
                toSlider.applyAsDouble(value.getValue().doubleValue()));
        setId(id);
        slider.setId(id + "-slider");
        field.setId(id + "-field");
        hint.setId(id + "-hint");
        Label name = new Label(label);
        name.getStyleClass().add("control-label");
        field.setAlignment(Pos.CENTER_RIGHT);
        hint.getStyleClass().add("hint");
        hint.setVisible(false);
        hint.setManaged(false);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);         // wrap onto a second line rather than end in "…"
        Tips.wrapped(tooltip + " (" + format(min) + "–" + format(max) + ")", name::setTooltip, field::setTooltip,
                slider::setTooltip);

        name.setMinWidth(72);                            // rows line up; a longer label ("eval every") grows
        name.setPrefWidth(Region.USE_COMPUTED_SIZE);
        field.setPrefColumnCount(4);
        field.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, name, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(40);
        slider.setPrefWidth(90);
        getChildren().addAll(row, hint);
        setSpacing(2);

        field.setText(format(current()));
        field.setOnAction(e -> commitField());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitField();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showValue(current());
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                store(Math.clamp(round(fromSlider.applyAsDouble(now.doubleValue())), min, max));
            }
        });
        value.addListener((obs, old, now) -> showValue(now.doubleValue()));
    }

    private double current() {
        return value.getValue().doubleValue();
    }

    /**
     * Whole numbers round to integers; decimals on a linear slider to its resolution of 0.001, and on a log slider
     * (a learning rate from 10⁻⁵) to three significant digits, which a fixed 0.001 would round to 0.
     */
    private double round(double v) {
        if (whole) {
            return Math.round(v);
        }
        if (logScale && v != 0 && Double.isFinite(v)) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
        }
        return Math.round(v * 1000) / 1000.0;
    }

    private void store(double v) {
        value.setValue(whole ? (Number) (int) v : (Number) v);
    }

    private String format(double v) {
        if (!whole && logScale && v != 0 && Math.abs(v) < 0.01) {
            // three significant digits: 0.0003, not 0.000
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString();
        }
        return whole ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.3f", v)
                .replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }

    private void showValue(double v) {
        updating = true;
        try {
            field.setText(format(v));
            slider.setValue(toSlider.applyAsDouble(v));
            setHint(null);
        } finally {
            updating = false;
        }
    }

    private void commitField() {
        String text = field.getText().trim();
        double parsed;
        try {
            parsed = whole ? Integer.parseInt(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            setHint("'" + text + "' is not " + (whole ? "a whole number" : "a number") + "; kept "
                    + format(current()));
            return;
        }
        if (!(parsed >= min && parsed <= max)) {
            setHint("range " + format(min) + "–" + format(max) + "; kept " + format(current()));
            return;
        }
        store(parsed);
        showValue(parsed);
    }

    private void setHint(String text) {
        boolean show = text != null;
        hint.setText(show ? text : "");
        hint.setVisible(show);
        hint.setManaged(show);
        if (show) {
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
        } else {
            field.getStyleClass().remove("invalid");
        }
    }
}
