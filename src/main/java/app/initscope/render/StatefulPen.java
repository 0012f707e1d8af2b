package app.initscope.render;

/**
 * The drawing state a pen without a GraphicsContext keeps itself ({@link SvgPen}, {@link AwtPen}): colours, line,
 * font and text placement, as {@link #style()} to save and {@link #restoreStyle} to restore, and where text lands
 * for a baseline. Both place text with the font's own ascent, so a PNG and an SVG put it where the screen does.
 */
abstract class StatefulPen implements Pen {

    /** What {@link Pen#save()} keeps besides the transform. */
    record Style(Rgba fill, Rgba stroke, double lineWidth, double[] dashes, TextFont font, TextAlign align,
                 Baseline baseline) {
    }

    Rgba fill = Rgba.BLACK;
    Rgba stroke = Rgba.BLACK;
    double lineWidth = 1;
    double[] dashes = new double[0];
    TextFont font = TextFont.regular(13);
    TextAlign align = TextAlign.LEFT;
    Baseline baseline = Baseline.BASELINE;

    /** Called after the line width or the dashes changed. */
    void strokeChanged() {
    }

    @Override
    public void setFill(Rgba c) {
        fill = c;
    }

    @Override
    public void setStroke(Rgba c) {
        stroke = c;
    }

    @Override
    public void setLineWidth(double w) {
        lineWidth = w;
        strokeChanged();
    }

    @Override
    public void setLineDashes(double... d) {
        dashes = d.clone();
        strokeChanged();
    }

    @Override
    public void setFont(TextFont f) {
        font = f;
    }

    @Override
    public void setTextAlign(TextAlign a) {
        align = a;
    }

    @Override
    public void setTextBaseline(Baseline b) {
        baseline = b;
    }

    Style style() {
        return new Style(fill, stroke, lineWidth, dashes, font, align, baseline);
    }

    void restoreStyle(Style s) {
        fill = s.fill();
        stroke = s.stroke();
        lineWidth = s.lineWidth();
        dashes = s.dashes();
        font = s.font();
        align = s.align();
        baseline = s.baseline();
        strokeChanged();
    }

    /** The baseline of text drawn at y with the current baseline setting, from the font's ascent and line height. */
    double baselineY(double y) {
        double ascent = measure().ascent(font);
        double lineHeight = measure().lineHeight(font);
        return switch (baseline) {
            case TOP -> y + ascent;
            case CENTER -> y + ascent - lineHeight / 2;
            case BOTTOM -> y + ascent - lineHeight;
            default -> y;
        };
    }
}
