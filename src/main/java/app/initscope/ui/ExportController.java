package app.initscope.ui;

import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.export.AtomicFiles;
import app.initscope.export.FigureExport;
import app.initscope.export.FigureExport.Format;
import app.initscope.export.HtmlHandout;
import app.initscope.export.TrainJsonReport;
import app.initscope.engine.TrainRun;
import app.initscope.fx.FxRaster;
import app.initscope.render.AxisMode;
import app.initscope.render.AwtPen;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import app.initscope.engine.Background;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Export from the window: the current view or one histogram as PNG (1×, 2×, 4×), SVG or CSV, a copy to the
 * clipboard, and every strategy at once. Pictures are painted on the FX thread by the same code as the screen,
 * then encoded and written atomically in the background; a failure (an unwritable folder, a full disk) shows a
 * dialog, and the app keeps running with no half-written file left.
 */
final class ExportController {

    /** What the user chose in the export dialog. */
    record Choice(Format format, int scale, boolean caption) {
    }

    private final MainViewModel model;
    private final Supplier<Window> owner;
    private File lastFolder;
    private Choice last = new Choice(Format.PNG, 2, true);
    /** What the handout dialog was last given. */
    private HandoutChoice lastHandout = new HandoutChoice("", "", false, true);
    private java.util.function.Function<String, ViewPage> pages = id -> null;

    ExportController(MainViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    /** The figure of a view, by its {@linkplain ViewPage#id() id}, or null before the first result. */
    Figure view(String view, boolean caption) {
        ExperimentResult result = model.resultProperty().get();
        StrategyResult shown = model.shownProperty().get();
        if (result == null || shown == null) {
            return null;
        }
        ViewPage page = pages.apply(view);
        return page == null ? Figures.single(result, shown.strategy(), options(caption))
                : page.exportFigure(result, shown.strategy(), options(caption));
    }

    /** The figure of one histogram of the chosen strategy, or null. */
    Figure histogram(TensorKind tensor, boolean caption) {
        ExperimentResult result = model.resultProperty().get();
        StrategyResult shown = model.shownProperty().get();
        return result == null || shown == null ? null
                : Figures.histogram(result, shown.strategy(), tensor, options(caption));
    }

    private Figures.Options options(boolean caption) {
        return FigureOptions.of(model, caption, AxisMode.SHARED_LINEAR);
    }

    /** The window's views by id, whose figures the export draws (each view adds its own options). */
    void pages(java.util.function.Function<String, ViewPage> byId) {
        pages = byId;
    }

    /** Asks how and where, then exports the figure that {@code make} builds (given the caption choice). */
    void exportWithDialog(java.util.function.Function<Boolean, Figure> make) {
        if (make.apply(last.caption()) == null) {
            model.status().notice("nothing to export yet: the computation is still running");
            return;
        }
        Dialog<Choice> dialog = choiceDialog();
        dialog.showAndWait().ifPresent(choice -> {
            last = choice;
            Figure figure = make.apply(choice.caption());
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + figure.name());
            String suffix = choice.format() == Format.PNG && choice.scale() != 1 ? "@" + choice.scale() + "x" : "";
            chooser.setInitialFileName(figure.name() + suffix + "." + choice.format().extension());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    choice.format().name() + " files", "*." + choice.format().extension()));
            if (lastFolder != null && lastFolder.isDirectory()) {
                chooser.setInitialDirectory(lastFolder);
            }
            File file = chooser.showSaveDialog(owner.get());        // the system dialog asks before overwriting
            if (file != null) {
                lastFolder = file.getParentFile();
                write(figure, choice, file.toPath(), path -> model.status().notice("exported " + path),
                        this::showError);
            }
        });
    }

    private Dialog<Choice> choiceDialog() {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Export");
        dialog.setHeaderText("Export as a picture or as data");
        ChoiceBox<Format> format = new ChoiceBox<>();
        format.getItems().setAll(Format.values());
        format.setValue(last.format());
        format.setConverter(Fx.labels(f -> switch (f) {
            case PNG -> "PNG picture";
            case SVG -> "SVG vector drawing";
            case CSV -> "CSV of the data (bins and statistics, or the training series)";
        }));
        ChoiceBox<Integer> scale = new ChoiceBox<>();
        scale.getItems().setAll(1, 2, 4);
        scale.setValue(last.scale());
        scale.setConverter(Fx.labels(s -> s + "× (" + s + " pixels per point)"));
        scale.disableProperty().bind(format.valueProperty().isNotEqualTo(Format.PNG));
        CheckBox caption = new CheckBox("caption naming the config");
        caption.setSelected(last.caption());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        Label formatLabel = new Label("format");
        Label scaleLabel = new Label("scale");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {formatLabel, scaleLabel, caption}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);      // never cut to "for…"
        }
        grid.addRow(0, formatLabel, format);
        grid.addRow(1, scaleLabel, scale);
        grid.add(caption, 1, 2);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ok ? new Choice(format.getValue(), scale.getValue(),
                caption.isSelected()) : null);
        return dialog;
    }

    /**
     * Writes a figure to a file: painted now, on the FX thread; encoded and written in the background. Calls
     * {@code done} or {@code failed} on the FX thread.
     */
    void write(Figure figure, Choice choice, Path file, Consumer<Path> done, Consumer<Throwable> failed) {
        String tooLarge = choice.format() == Format.PNG
                ? FigureExport.pngProblem(figure, choice.scale(), Runtime.getRuntime().maxMemory()) : null;
        if (tooLarge != null) {
            failed.accept(new IllegalArgumentException(tooLarge));
            return;
        }
        // the figure is immutable: it is painted (PNG) or written out (SVG, CSV) by the background writer, off the
        // FX thread, where a large SVG took up to 300 ms and JavaFX's PNG raster 100-400 ms
        AtomicFiles.Content content = FigureExport.content(figure, choice.format(), choice.scale());
        Background.run(() -> {
            AtomicFiles.write(file, content);
            return file;
        }, done, failed, javafx.application.Platform::runLater);
    }

    /** Puts the figure on the clipboard as an image at 2× (when it is painted, a moment later). */
    void copy(Figure figure) {
        if (figure == null) {
            model.status().notice("nothing to copy yet: the computation is still running");
            return;
        }
        // painted off the FX thread like a PNG; only the copy of its pixels into a JavaFX image runs on it
        Background.run(() -> AwtPen.image(figure, 2), image -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(FxRaster.of(image));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            model.status().notice("copied " + figure.name() + " to the clipboard");
        }, failed -> model.status().notice("could not copy " + figure.name() + ": " + failed.getMessage()),
                javafx.application.Platform::runLater);
    }

    /** Asks for a folder, then writes one PNG per computed strategy (its single view) plus the compare grid. */
    void exportAll() {
        ExperimentResult result = model.resultProperty().get();
        if (result == null || result.results().size() < result.config().strategies().size()) {
            model.status().notice("wait until every strategy is computed, then export them all");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export all strategies into a folder");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(owner.get());
        if (folder != null) {
            lastFolder = folder;
            exportAll(folder.toPath(), true, paths -> model.status().notice("exported " + paths.size() + " pictures to "
                    + folder), this::showError);
        }
    }

    /** Writes every strategy's single view and the compare grid as PNG at 2× into {@code folder}. */
    void exportAll(Path folder, boolean askBeforeOverwriting, Consumer<List<Path>> done, Consumer<Throwable> failed) {
        ExperimentResult result = model.resultProperty().get();
        Figures.Options o = options(true);
        List<Figure> figures = new ArrayList<>();
        for (Strategy s : result.config().strategies()) {
            figures.add(Figures.single(result, s, o));
        }
        figures.add(Figures.compare(result, result.config().strategies(), o));
        Choice png = new Choice(Format.PNG, 2, true);
        List<Path> files = figures.stream().map(f -> folder.resolve(f.name() + "@2x.png")).toList();
        long existing = files.stream().filter(Files::exists).count();
        if (askBeforeOverwriting && existing > 0) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, existing + " of the " + files.size()
                    + " files already exist in " + folder + ". Replace them?", ButtonType.YES, ButtonType.NO);
            confirm.initOwner(owner.get());
            confirm.setHeaderText("Replace existing files?");
            if (confirm.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) {
                return;
            }
        }
        writeEach(figures, files, 0, png, done, failed);
    }

    /** Paints and writes figure {@code i} in the background, then goes on with the next, one at a time. */
    private void writeEach(List<Figure> figures, List<Path> files, int i, Choice choice,
                           Consumer<List<Path>> done, Consumer<Throwable> failed) {
        if (i == figures.size()) {
            done.accept(files);
            return;
        }
        model.status().notice("exporting " + (i + 1) + " of " + figures.size() + ": " + files.get(i).getFileName());
        AtomicFiles.Content content = FigureExport.content(figures.get(i), choice.format(), choice.scale());
        Background.run(() -> {
            AtomicFiles.write(files.get(i), content);
            return files.get(i);
        }, written -> writeEach(figures, files, i + 1, choice, done, failed), failed,
                javafx.application.Platform::runLater);
    }

    /**
     * What the handout dialog asked: the page's title and description (blank for none), and whether it adds the
     * phase diagram and the curves of the last finished training.
     */
    record HandoutChoice(String title, String description, boolean phase, boolean training) {
    }

    /**
     * File ▸ Export handout…: asks for the page's title and description and what it adds, then for a file, and
     * writes one self-contained HTML page of every computed strategy and layer (the same page as
     * {@code initscope export --format html}), opening on the strategy, layer and toggles shown now.
     */
    void exportHandout() {
        if (!handoutReady()) {
            return;
        }
        Dialog<HandoutChoice> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Export handout");
        dialog.setHeaderText("One HTML page that opens in any browser, with no install and no network");
        javafx.scene.control.TextField title = new javafx.scene.control.TextField(lastHandout.title());
        title.setPromptText("e.g. Lecture 3: why initialization matters");
        javafx.scene.control.TextArea description = new javafx.scene.control.TextArea(lastHandout.description());
        description.setPromptText("one or two sentences on what to look for (optional)");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        CheckBox phase = new CheckBox("the phase diagram, with a marker per strategy");
        phase.setSelected(lastHandout.phase());
        CheckBox training = new CheckBox("the curves of the last finished training (Train tab)");
        training.setDisable(finishedTraining() == null);
        training.setSelected(lastHandout.training() && !training.isDisabled());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("title"), title);
        grid.addRow(1, new Label("description"), description);
        grid.add(phase, 1, 2);
        grid.add(training, 1, 3);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ok ? new HandoutChoice(title.getText().strip(),
                description.getText().strip(), phase.isSelected(), training.isSelected()) : null);
        dialog.showAndWait().ifPresent(choice -> {
            lastHandout = choice;
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export handout");
            chooser.setInitialFileName(HtmlHandout.fileName(choice.title()));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML pages", "*.html"));
            if (lastFolder != null && lastFolder.isDirectory()) {
                chooser.setInitialDirectory(lastFolder);
            }
            File file = chooser.showSaveDialog(owner.get());
            if (file != null) {
                lastFolder = file.getParentFile();
                writeHandout(choice, file.toPath(), path -> model.status().notice("exported the handout " + path),
                        this::showError);
            }
        });
    }

    /** Whether every strategy has its full result; says what to wait for when not. */
    private boolean handoutReady() {
        ExperimentResult result = model.resultProperty().get();
        if (result == null || result.preview() || model.shownProperty().get() == null
                || result.results().size() < result.config().strategies().size()) {
            model.status().notice("wait until every strategy is computed, then export the handout");
            return false;
        }
        return true;
    }

    /** The Train tab's last run if it has finished, else null. */
    private TrainRun finishedTraining() {
        TrainRun run = model.train().latest();
        return run != null && run.complete() && !run.results().isEmpty() ? run : null;
    }

    /**
     * Writes the handout of the current result to {@code file}: the page is made and written in the background
     * (the phase diagram computed there too); {@code done} or {@code failed} is called on the FX thread.
     */
    void writeHandout(HandoutChoice choice, Path file, Consumer<Path> done, Consumer<Throwable> failed) {
        if (!handoutReady()) {
            failed.accept(new IllegalStateException("the computation is still running"));
            return;
        }
        ExperimentResult result = model.resultProperty().get();
        Figures.Options o = options(true);
        HtmlHandout.View view = new HtmlHandout.View(model.shownProperty().get().strategy(), o.layer(), o.gradient(),
                o.logY(), o.theory());
        TrainRun run = choice.training() ? finishedTraining() : null;
        Background.run(() -> {
            var trained = run == null ? null : TrainJsonReport.toTree(run.request().config(), run.request().train(),
                    run.results().stream().flatMap(r -> r.evals().stream())
                            .anyMatch(e -> Double.isFinite(e.testAccuracy())),
                    List.of(run.results()), app.initscope.Version.get(), List.of());
            HtmlHandout.Content content = new HtmlHandout.Content(
                    choice.title() == null || choice.title().isBlank() ? null : choice.title(),
                    choice.description() == null || choice.description().isBlank() ? null : choice.description(),
                    result, view, app.initscope.Version.get(), List.of(), trained,
                    choice.phase() ? HtmlHandout.phaseDiagram(result.config()) : null);
            AtomicFiles.writeString(file, HtmlHandout.html(content));
            return file;
        }, done, failed, javafx.application.Platform::runLater);
    }

    private void showError(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        model.status().notice("export failed: " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setHeaderText("The export could not be written");
        alert.show();
    }
}
