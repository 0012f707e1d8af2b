package app.initscope.render;

/**
 * A font as the figures ask for it: a family, bold or regular, and a size in logical pixels. Every figure uses
 * {@link #FAMILY}, the font the window's charts have always used, so the screen, the PNG and the SVG measure and
 * show the same glyphs.
 */
public record TextFont(String family, boolean bold, double size) {

    /** The one family of the figures (installed with fonts-dejavu-core, and bundled by JavaFX's fallbacks). */
    public static final String FAMILY = "DejaVu Sans";

    /** A regular font of the figures' family. */
    public static TextFont regular(double size) {
        return new TextFont(FAMILY, false, size);
    }

    /** A bold font of the figures' family. */
    public static TextFont bold(double size) {
        return new TextFont(FAMILY, true, size);
    }
}
