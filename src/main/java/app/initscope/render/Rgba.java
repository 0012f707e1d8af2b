package app.initscope.render;

import java.util.Locale;

/**
 * A colour as the figures use it, free of any toolkit: red, green, blue and opacity, each 0..1. The JavaFX pen
 * converts it to a JavaFX colour, the SVG pen writes it as {@code #rrggbb} with an opacity.
 */
public record Rgba(double red, double green, double blue, double opacity) {

    public static final Rgba WHITE = new Rgba(1, 1, 1, 1);
    public static final Rgba BLACK = new Rgba(0, 0, 0, 1);

    public Rgba {
        if (!(red >= 0 && red <= 1 && green >= 0 && green <= 1 && blue >= 0 && blue <= 1 && opacity >= 0
                && opacity <= 1)) {
            throw new IllegalArgumentException("components must be 0..1: " + red + ", " + green + ", " + blue
                    + ", " + opacity);
        }
    }

    /** An opaque colour from {@code #rrggbb}. */
    public static Rgba web(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() != 6) {
            throw new IllegalArgumentException("expected #rrggbb, got " + hex);
        }
        int v = Integer.parseInt(h, 16);
        return new Rgba(((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0, 1);
    }

    /** A grey level with an opacity. */
    public static Rgba color(double red, double green, double blue, double opacity) {
        return new Rgba(red, green, blue, opacity);
    }

    /** The same colour with its opacity multiplied by {@code factor}. */
    public Rgba fade(double factor) {
        return new Rgba(red, green, blue, Math.min(1, Math.max(0, opacity * factor)));
    }

    /** The opaque colour a share {@code t} (0..1) of the way from this one to {@code other}. */
    public Rgba mix(Rgba other, double t) {
        return color(red + (other.red - red) * t, green + (other.green - green) * t, blue + (other.blue - blue) * t, 1);
    }

    /** {@code #rrggbb}, without the opacity. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(red * 255), Math.round(green * 255),
                Math.round(blue * 255));
    }
}
