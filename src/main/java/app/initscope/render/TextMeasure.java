package app.initscope.render;

/**
 * How wide and tall a text is in a font, as the pen that draws it will lay it out. A figure's layout asks its pen,
 * and the pen is given one: JavaFX's text layout for the screen and the PNG, AWT's font metrics for the SVG
 * (which needs no toolkit running).
 */
public interface TextMeasure {

    /** The advance width of the text. */
    double width(String text, TextFont font);

    /** From the top of a line to its baseline. */
    double ascent(TextFont font);

    /** The height of one line: ascent, descent and leading. */
    double lineHeight(TextFont font);
}
