package app.initscope.export;

import app.initscope.core.settings.Ids;
import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Summary;
import app.initscope.render.AwtPen;
import app.initscope.render.AwtTextMeasure;
import app.initscope.render.Figure;
import app.initscope.render.SvgPen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Figure} as PNG (painted at 1×, 2× or 4× with Java2D, never upscaled),
 * as SVG (a vector drawing from the same painting code), or as CSV (every histogram's bins and statistics). Files
 * are written atomically: a temp file, then a move. None needs a toolkit: the SVG's text is measured with AWT's
 * font metrics, and the PNG is painted with Java2D ({@link app.initscope.render.AwtPen#image}).
 */
public final class FigureExport {

    /** The file formats. */
    public enum Format {
        PNG, SVG, CSV;

        private final String extension = Ids.kebab(this);

        public String extension() {
            return extension;
        }

        /** Looks a format up by its extension, case-insensitively. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + name + "'; valid: png, svg, csv");
        }
    }

    /** The header of the figure CSV. */
    public static final String CSV_HEADER = "strategy,layer,tensor,row,lo,hi,value";

    private FigureExport() {
    }

    /** The figure as an SVG document, its text measured with AWT's font metrics (any thread, no toolkit). */
    public static String svg(Figure figure) {
        SvgPen pen = new SvgPen(figure.width(), figure.height(), AwtTextMeasure.INSTANCE);
        figure.paint(pen);
        return pen.toSvg();
    }

    /**
     * The bins and statistics of every histogram in the figure, one value per row: {@code row} is {@code bin} (with
     * its lo and hi edges), {@code underflow}, {@code overflow}, {@code nonFinite}, or a statistic ({@code count},
     * {@code mean}, {@code std}, {@code min}, {@code max}, {@code zeroFraction}, {@code saturatedFraction}). A
     * figure with a {@linkplain Figure#table() table} of its own writes that instead.
     */
    public static String csv(Figure figure) {
        if (figure.table() != null) {
            return figure.table().get();        // a chart of series writes its own table (the Train view's)
        }
        StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
        for (Figure.Panel p : figure.panels()) {
            String key = p.strategy() + "," + p.layer() + "," + p.tensor() + ",";
            Summary sum = p.data().summary();
            Histogram h = p.data().histogram();
            for (int i = 0; i < h.bins(); i++) {
                s.append(key).append("bin,").append(num(p.data().edge(i))).append(',').append(num(p.data().edge(i + 1)))
                        .append(',').append(h.count(i)).append('\n');
            }
            row(s, key, "underflow", h.underflow());
            row(s, key, "overflow", h.overflow());
            row(s, key, "nonFinite", h.nonFinite());
            row(s, key, "count", sum.count());
            row(s, key, "mean", sum.mean());
            row(s, key, "std", sum.std());
            row(s, key, "min", sum.min());
            row(s, key, "max", sum.max());
            row(s, key, "zeroFraction", sum.zeroFraction());
            if (sum.saturatedFraction() != null) {
                row(s, key, "saturatedFraction", sum.saturatedFraction());
            }
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String key, String name, double value) {
        s.append(key).append(name).append(",,,").append(num(value)).append('\n');
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /**
     * The figure's file content in a format, made when it is written (on the thread that writes it: the window's
     * background writer, or the command line's main thread). Any thread; no toolkit.
     */
    public static AtomicFiles.Content content(Figure figure, Format format, double scale) {
        return switch (format) {
            case PNG -> out -> {
                if (!ImageIO.write(AwtPen.image(figure, scale), "png", out)) {
                    throw new IOException("no PNG writer");
                }
            };
            case SVG -> out -> out.write(svg(figure).getBytes(StandardCharsets.UTF_8));
            case CSV -> out -> out.write(csv(figure).getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * Writes the figure into {@code dir} as {@code <figure name>[@2x].<ext>} and returns the file.
     *
     * @throws IOException with a message naming the file when the folder is missing, unwritable or full; no
     *                     partial file is left
     * @throws IllegalArgumentException when a PNG would be too large to render (see {@link #pngProblem})
     */
    public static Path write(Figure figure, Format format, double scale, Path dir) throws IOException {
        Path file = dir.resolve(fileName(figure.name(), format, scale));
        String tooLarge = format == Format.PNG ? pngProblem(figure, scale, Runtime.getRuntime().maxMemory()) : null;
        if (tooLarge != null) {
            throw new IllegalArgumentException(tooLarge);
        }
        AtomicFiles.write(file, content(figure, format, scale));
        return file;
    }

    /** The file name of a figure named {@code name}: {@code <name>[@2x].<ext>}, the scale only on a PNG's not at 1×. */
    public static String fileName(String name, Format format, double scale) {
        String suffix = format == Format.PNG && scale != 1 ? "@" + (int) scale + "x" : "";
        return name + suffix + "." + format.extension();
    }

    /** The longest side of a picture the renderer takes, in pixels. */
    public static final int MAX_SIDE = 16_384;
    /** Bytes a rendered pixel may cost at once: the image (4) and the encoder's copies, with room to spare. */
    private static final long BYTES_PER_PIXEL = 12;

    /**
     * What is wrong with rendering a figure as a PNG at a scale within {@code maxHeapBytes}, found before any work,
     * or null: a side over {@link #MAX_SIDE} pixels, or more pixels than three copies of 4 bytes each fit in 75%
     * of the heap. (A depth-100 picture at 4× is 6560×12600 px, about 1 GB: it used to fail inside JavaFX.)
     */
    public static String pngProblem(Figure f, double scale, long maxHeapBytes) {
        long w = (long) Math.ceil(f.width() * scale);
        long h = (long) Math.ceil(f.height() * scale);
        if (w > MAX_SIDE || h > MAX_SIDE) {
            return "the picture would be " + size(f, scale) + ", over the renderer's " + MAX_SIDE
                    + " px a side; use a smaller scale or fewer layers";
        }
        long need = w * h * BYTES_PER_PIXEL;
        long limit = (long) (maxHeapBytes * 0.75);
        if (need > limit) {
            return String.format(Locale.ROOT, "the picture would be %s and need about %d MiB to render, but at most "
                    + "%d MiB may be used; use a smaller scale or fewer layers", size(f, scale), need >> 20,
                    limit >> 20);
        }
        return null;
    }

    /** The logical size of a figure at a scale, e.g. "3000×1040 px". */
    public static String size(Figure f, double scale) {
        return String.format(Locale.ROOT, "%d×%d px", (int) Math.ceil(f.width() * scale),
                (int) Math.ceil(f.height() * scale));
    }
}
