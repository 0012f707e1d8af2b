package app.initscope.ui;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.util.StringConverter;

/** Small JavaFX helpers the views share. */
final class Fx {

    private Fx() {
    }

    /** Shows items by a label (e.g. {@code Strategy::label}); a one-way converter for choice controls. */
    static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** A borderless, white scroll pane that stretches its content to its own size (and scrolls when too small). */
    static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
