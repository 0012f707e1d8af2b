package app.initscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * The labels of a scene graph that show less than their text. A {@link Labeled}'s skin draws its text with a
 * {@code Text} child (style class "text") that holds the string as displayed: clipped with an ellipsis when the
 * label is too narrow (or too short for its wrapped lines), or empty when there is no room at all. A label is cut
 * when that string differs from its text (less the mnemonic's underscore).
 */
final class CutLabels {

    private CutLabels() {
    }

    /** Every shown label under {@code root} whose displayed text is not its whole text, described in one line each. */
    static List<String> in(Parent root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            String shown = displayed(l);
            if (shown != null && !whole(l, shown)) {
                Bounds b = l.localToScene(l.getLayoutBounds());
                cut.add(String.format(java.util.Locale.ROOT, "%s%s '%s' shows '%s' (%.0f×%.0f at %.0f,%.0f)",
                        l.getClass().getSimpleName(), l.getId() == null ? "" : "#" + l.getId(), l.getText(), shown,
                        b.getWidth(), b.getHeight(), b.getMinX(), b.getMinY()));
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, cut);
            }
        }
    }

    /** The text the label's skin shows, or null when it shows none (no text, only a graphic, or no skin yet). */
    private static String displayed(Labeled l) {
        if (l.getText() == null || l.getText().isEmpty() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return null;
        }
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static boolean whole(Labeled l, String shown) {
        String text = l.getText();
        if (shown.equals(text)) {
            return true;
        }
        // a mnemonic's underscore is not shown: "_File" shows "File", "fan__in" shows "fan_in"
        int u = text.indexOf('_');
        return l.isMnemonicParsing() && u >= 0 && shown.equals(text.substring(0, u) + text.substring(u + 1));
    }
}
