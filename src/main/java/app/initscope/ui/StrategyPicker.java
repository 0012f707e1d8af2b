package app.initscope.ui;

import app.initscope.fx.FxColors;
import app.initscope.core.init.Strategy;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.SegmentedButton;

/**
 * Picks the strategy: a segmented button with the seed experiment's five, and a "More" menu with the rest of the
 * family, one click away. Every choice carries its colour swatch, the same colour as in every chart.
 */
final class StrategyPicker extends HBox {

    private final List<ToggleButton> buttons = new ArrayList<>();
    private final MenuButton more = new MenuButton("More");
    private final ToggleGroup menuGroup = new ToggleGroup();
    private boolean updating;

    StrategyPicker(ObjectProperty<Strategy> strategy) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("strategy-picker");
        SegmentedButton segmented = new SegmentedButton();
        segmented.setId("strategy-buttons");
        for (Strategy s : Strategy.SEED) {
            ToggleButton b = new ToggleButton(s.label(), swatch(s));
            b.setId("strategy-" + s.id());
            b.setUserData(s);
            Tips.set(tip(s), b::setTooltip);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);          // clicking the selected one keeps it selected
                }
                strategy.set(s);
            });
            buttons.add(b);
        }
        segmented.getButtons().setAll(buttons);
        more.setId("strategy-more");
        // one size whatever it names, so the bar never moves (the CSS sets it in em): as wide as the longest word of
        // any name in bold ("Orthogonal") and two lines high, a two-word name wrapping ("Glorot / uniform") rather
        // than being cut ("Custo…")
        more.getStyleClass().add("strategy-more");
        more.setMnemonicParsing(false);
        more.setWrapText(true);
        more.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Tips.set("The rest of the family: Glorot, He uniform, LeCun, orthogonal, constant and custom. Keys 1–9 pick "
                + "the first nine; ← and → step through all twelve.", more::setTooltip);
        for (Strategy s : Strategy.values()) {
            if (Strategy.SEED.contains(s)) {
                continue;
            }
            RadioMenuItem item = new RadioMenuItem(s.label() + "    " + s.formula(), swatch(s));
            item.setMnemonicParsing(false);                  // "fan_in" keeps its underscore
            item.setId("strategy-" + s.id());
            item.setUserData(s);
            item.setToggleGroup(menuGroup);
            item.setOnAction(e -> strategy.set(s));
            more.getItems().add(item);
        }
        getChildren().addAll(segmented, more);
        strategy.addListener((obs, old, now) -> show(now));
        show(strategy.get());
    }

    private void show(Strategy s) {
        if (updating) {
            return;
        }
        updating = true;
        try {
            for (ToggleButton b : buttons) {
                b.setSelected(b.getUserData() == s);
            }
            boolean inMenu = !Strategy.SEED.contains(s);
            menuGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == s));
            more.setText(inMenu ? s.label() : "More");
            more.setGraphic(inMenu ? swatch(s) : null);
            more.getStyleClass().remove("chosen");
            if (inMenu) {
                more.getStyleClass().add("chosen");
            }
        } finally {
            updating = false;
        }
    }

    private static final double SWATCH = 12;

    private static Rectangle swatch(Strategy s) {
        return new Rectangle(SWATCH, SWATCH, FxColors.of(s));
    }

    private static String tip(Strategy s) {
        int key = List.of(Strategy.values()).indexOf(s) + 1;
        return s.label() + ": " + s.formula() + "   (key " + key + ")";
    }
}
