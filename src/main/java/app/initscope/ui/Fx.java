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

    /** The width of a text in a font, as a label lays it out. */
    static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Scrolls the scroll pane whose content is {@code content} so that {@code area} (in the content's coordinates)
     * shows: its bottom at the viewport's bottom when it lies below, its top at the top when above or taller than the
     * viewport. Returns false when there is no scroll pane or it is not laid out yet.
     */
    static boolean reveal(javafx.scene.layout.Region content, javafx.geometry.Bounds area) {
        if (!(content.getParent() != null && content.getParent().getParent() != null
                && content.getParent().getParent().getParent() instanceof ScrollPane scroll)
                || scroll.getContent() != content) {
            return false;
        }
        double view = scroll.getViewportBounds().getHeight();
        double range = content.getHeight() - view;
        if (view <= 0 || content.getHeight() <= 0) {
            return false;
        }
        if (range <= 0) {
            return true;                          // all of it shows
        }
        double y = scroll.getVvalue() * range;
        if (area.getMaxY() > y + view) {
            y = area.getMaxY() - view;
        }
        if (area.getMinY() < y) {
            y = area.getMinY();
        }
        scroll.setVvalue(Math.max(0, Math.min(1, y / range)));
        return true;
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
