package app.initscope.render;

import java.util.ArrayList;
import java.util.List;

/** Text made to fit a width: cut with an ellipsis, or wrapped at spaces onto a few lines. */
final class TextFit {

    private TextFit() {
    }

    /**
     * The text, cut with an ellipsis where it would be wider than {@code max} (never squeezed); a trailing aside in
     * parentheses is dropped whole before anything is cut.
     */
    static String fit(Pen g, String text, TextFont font, double max) {
        if (g.textWidth(text, font) <= max) {
            return text;
        }
        // a trailing aside in parentheses goes first, whole: "Update:data ratio, layer 8 (log10)" reads better as
        // "Update:data ratio, layer 8" than as "Update:data ratio, layer 8 (lo…"
        String plain = text.replaceFirst("\\s*\\([^()]*\\)$", "");
        if (!plain.equals(text) && !plain.isEmpty()) {
            return fit(g, plain, font, max);
        }
        for (int n = text.length() - 1; n > 1; n--) {
            String cut = text.substring(0, n).stripTrailing() + "…";
            if (g.textWidth(cut, font) <= max) {
                return cut;
            }
        }
        return "…";
    }

    /** The text in at most {@code maxLines} lines no wider than {@code max}, broken at spaces; the last is cut. */
    static List<String> wrap(Pen g, String text, TextFont font, double max, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (lines.size() < maxLines - 1 && g.textWidth(rest, font) > max) {
            int cut = -1;
            for (int i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
                if (g.textWidth(rest.substring(0, i), font) <= max) {
                    cut = i;
                } else {
                    break;
                }
            }
            if (cut < 0) {
                break;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        lines.add(fit(g, rest, font, max));
        return lines;
    }
}
