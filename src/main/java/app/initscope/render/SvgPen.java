package app.initscope.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A {@link Pen} that writes SVG 1.1: rectangles, lines, polylines, circles and text with the same geometry as on
 * screen, so a chart stays a real vector drawing (every bar a {@code <rect class="bar">}). Text is placed with
 * the font's own ascent, measured by the {@link TextMeasure} it is given (AWT's metrics need no toolkit), so it lands where the screen puts it without relying on
 * {@code dominant-baseline}, which Inkscape and browsers treat differently.
 */
public final class SvgPen extends StatefulPen {

    private record State(Style style, String transform) {
    }

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final Deque<State> saved = new ArrayDeque<>();
    private final TextMeasure measure;
    private String transform = "";
    private StringBuilder path;

    /** A drawing of the given logical size, its text measured by {@code measure}. */
    public SvgPen(double width, double height, TextMeasure measure) {
        this.width = width;
        this.height = height;
        this.measure = measure;
    }

    /** The finished SVG document. */
    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" xml:space=\"preserve\" width=\""
                + n(width) + "\" height=\"" + n(height) + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\">\n"
                + body + "</svg>\n";
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rect(x, y, w, h, null);
    }

    @Override
    public void fillBar(double x, double y, double w, double h) {
        rect(x, y, w, h, "bar");
    }

    private void rect(double x, double y, double w, double h, String cls) {
        body.append("<rect").append(cls == null ? "" : " class=\"" + cls + "\"").append(" x=\"").append(n(x))
                .append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"")
                .append(n(h)).append('"').append(paint("fill", fill)).append(" stroke=\"none\"")
                .append(transformAttr()).append("/>\n");
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(strokeAttrs()).append(transformAttr())
                .append("/>\n");
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        ellipse(x, y, w, h).append(paint("fill", fill)).append(" stroke=\"none\"").append(transformAttr())
                .append("/>\n");
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        ellipse(x, y, w, h).append(" fill=\"none\"").append(strokeAttrs()).append(transformAttr()).append("/>\n");
    }

    private StringBuilder ellipse(double x, double y, double w, double h) {
        return body.append("<ellipse cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2))
                .append("\" rx=\"").append(n(w / 2)).append("\" ry=\"").append(n(h / 2)).append('"');
    }

    @Override
    public void fillText(String text, double x, double y) {
        double baselineY = baselineY(y);
        String anchor = switch (align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(baselineY)).append("\" font-family=\"")
                .append(escape(font.family())).append(", sans-serif\" font-size=\"").append(n(font.size()))
                .append('"').append(font.bold() ? " font-weight=\"bold\"" : "")
                .append(" text-anchor=\"").append(anchor).append('"').append(paint("fill", fill))
                .append(transformAttr()).append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void beginPath() {
        path = new StringBuilder();
    }

    @Override
    public void moveTo(double x, double y) {
        path.append('M').append(n(x)).append(' ').append(n(y)).append(' ');
    }

    @Override
    public void lineTo(double x, double y) {
        path.append('L').append(n(x)).append(' ').append(n(y)).append(' ');
    }

    @Override
    public void stroke() {
        if (path != null && !path.isEmpty()) {
            body.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\"").append(strokeAttrs())
                    .append(transformAttr()).append("/>\n");
        }
    }

    @Override
    public void save() {
        saved.push(new State(style(), transform));
    }

    @Override
    public void restore() {
        State s = saved.pop();
        restoreStyle(s.style());
        transform = s.transform();
    }

    @Override
    public void translate(double x, double y) {
        transform = (transform + " translate(" + n(x) + " " + n(y) + ")").trim();
    }

    @Override
    public void rotate(double degrees) {
        transform = (transform + " rotate(" + n(degrees) + ")").trim();
    }

    @Override
    public TextMeasure measure() {
        return measure;
    }

    private String strokeAttrs() {
        StringBuilder s = new StringBuilder(paint("stroke", stroke)).append(" stroke-width=\"").append(n(lineWidth))
                .append('"');
        if (dashes.length > 0) {
            s.append(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.length; i++) {
                s.append(i > 0 ? " " : "").append(n(dashes[i]));
            }
            s.append('"');
        }
        return s.toString();
    }

    private String transformAttr() {
        return transform.isEmpty() ? "" : " transform=\"" + transform + "\"";
    }

    private static String paint(String attribute, Rgba c) {
        return " " + attribute + "=\"" + c.hex() + "\"" + (c.opacity() < 1
                ? " " + attribute + "-opacity=\"" + n(c.opacity()) + "\"" : "");
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
