package app.initscope.ui;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A slider paired with an editable field for one integer setting. The field commits on Enter (or when it loses
 * focus); a value that is not a whole number in range is refused with a visible hint, and the last good value
 * stays. The slider may use a log scale, so a range like 1–4096 is easy to sweep.
 */
final class NumberControl extends VBox {

    private final IntegerProperty value;
    private final int min;
    private final int max;
    private final TextField field = new TextField();
    private final Label hint = new Label();
    private final Slider slider;
    private final ToIntFunction<Double> fromSlider;
    private final IntFunction<Double> toSlider;
    private boolean updating;

    /**
     * @param id      the node id prefix (the field is {@code id + "-field"}, the slider {@code id + "-slider"})
     * @param label   what the user reads
     * @param tooltip what it does and why it matters
     * @param logScale whether the slider moves in powers of two
     */
    NumberControl(String id, String label, String tooltip, IntegerProperty value, int min, int max,
                  boolean logScale) {
        this.value = value;
        this.min = min;
        this.max = max;
        if (logScale) {
            toSlider = v -> Math.log(v) / Math.log(2);
            fromSlider = s -> (int) Math.round(Math.pow(2, s));
        } else {
            toSlider = v -> (double) v;
            fromSlider = s -> (int) Math.round(s);
        }
        slider = new Slider(toSlider.apply(min), toSlider.apply(max), toSlider.apply(value.get()));
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
        Tooltip tip = new Tooltip(tooltip + String.format(Locale.ROOT, " (%d–%d)", min, max));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        name.setTooltip(tip);
        field.setTooltip(tip);
        slider.setTooltip(tip);

        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setPrefWidth(72);
        field.setPrefColumnCount(4);
        field.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, name, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(40);
        slider.setPrefWidth(90);
        getChildren().addAll(row, hint);
        setSpacing(2);

        field.setText(Integer.toString(value.get()));
        field.setOnAction(e -> commitField());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitField();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showValue(value.get());
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                int v = Math.clamp(fromSlider.applyAsInt(now.doubleValue()), min, max);
                value.set(v);
            }
        });
        value.addListener((obs, old, now) -> showValue(now.intValue()));
    }

    private void showValue(int v) {
        updating = true;
        try {
            field.setText(Integer.toString(v));
            slider.setValue(toSlider.apply(v));
            setHint(null);
        } finally {
            updating = false;
        }
    }

    private void commitField() {
        String text = field.getText().trim();
        int parsed;
        try {
            parsed = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            setHint(String.format(Locale.ROOT, "'%s' is not a whole number; kept %d", text, value.get()));
            return;
        }
        if (parsed < min || parsed > max) {
            setHint(String.format(Locale.ROOT, "must be %d–%d; kept %d", min, max, value.get()));
            return;
        }
        value.set(parsed);
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
