/**
 * InitScope: see why weight initialization decides whether a neural network can learn.
 *
 * <p>Layers, each using only those before it: {@code core} (pure math: no JavaFX, no printing, no threads) ←
 * {@code engine} (the only threads, no toolkit) ← {@code render} (figures and pens in their own colour and font
 * types, no JavaFX) ← {@code export} (writes files; SVG and CSV with no toolkit) ← {@code fx} (the JavaFX adapters:
 * the Canvas pen, text measure, PNG raster, the headless platform) ← {@code ui} (JavaFX views and view-models) and
 * {@code cli} (the only package that prints). The Vector API module is optional: without it the matrix products
 * fall back to EJML.
 */
module initscope {
    requires static jdk.incubator.vector;
    requires java.prefs;
    requires java.logging;
    requires java.desktop;
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires ejml.core;
    requires ejml.ddense;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    opens app.initscope.ui to javafx.graphics;
    opens app.initscope.cli to info.picocli;
    opens app.initscope.export to com.fasterxml.jackson.databind;
}
