package app.initscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Tooltip;

/**
 * The tooltips of the window's first controls, made after its first picture. A tooltip is a popup control of its
 * own, and the window's start made some thirty of them, on the FX thread, before the first histograms; nobody can
 * hover one before the window shows. Until {@link #defer()} is called, and once {@link #install()} has run, a
 * tooltip is made at once. Use from the FX thread only.
 */
final class Tips {

    /** What installs the deferred tooltips, in the order asked for; null while tooltips are made at once. */
    private static List<Runnable> waiting;

    private Tips() {
    }

    /** Tooltips asked for from now on wait for {@link #install()}. */
    static void defer() {
        if (waiting == null) {
            waiting = new ArrayList<>();
        }
    }

    /** Makes the tooltips that wait, and from now on makes them at once. Runs once; later calls do nothing. */
    static void install() {
        List<Runnable> all = waiting;
        waiting = null;
        if (all != null) {
            all.forEach(Runnable::run);
        }
    }

    /** One tooltip with this text, set on each target (e.g. {@code label::setTooltip}, {@code field::setTooltip}). */
    @SafeVarargs
    static void set(String text, Consumer<Tooltip>... targets) {
        later(text, false, targets);
    }

    /** {@link #set}, the text wrapping at 360 px (a paragraph of help). */
    @SafeVarargs
    static void wrapped(String text, Consumer<Tooltip>... targets) {
        later(text, true, targets);
    }

    private static void later(String text, boolean wrap, Consumer<Tooltip>[] targets) {
        Runnable make = () -> {
            Tooltip tip = new Tooltip(text);
            if (wrap) {
                tip.setWrapText(true);
                tip.setMaxWidth(360);
            }
            for (Consumer<Tooltip> target : targets) {
                target.accept(tip);
            }
        };
        if (waiting == null) {
            make.run();
        } else {
            waiting.add(make);
        }
    }
}
