package app.initscope.ui;

import app.initscope.render.explain.Explanation;
import app.initscope.core.init.Strategy;
import app.initscope.render.Plots;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The explain view: a few short paragraphs, in plain words, on what the chosen strategy's picture shows and why,
 * quoting the live numbers of the current result; beside them the z and activation histograms they talk about.
 */
final class ExplainView extends HBox implements ViewPage {

    private final MainViewModel model;
    private final Label headline = new Label();
    private final VBox text = new VBox(14);
    private final HistogramView zView = new HistogramView();
    private final HistogramView aView = new HistogramView();

    ExplainView(MainViewModel model) {
        super(16);
        this.model = model;
        setId("explain-view");
        headline.setId("explain-headline");
        headline.getStyleClass().add("explain-headline");
        headline.setWrapText(true);
        text.setId("explain-text");
        VBox column = new VBox(12, headline, text);
        column.setPadding(new Insets(10, 16, 10, 4));
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinWidth(360);
        scroll.setPrefWidth(640);
        scroll.setMaxWidth(860);            // short lines read better than a 1300-pixel one
        HBox.setHgrow(scroll, Priority.SOMETIMES);
        zView.setCompact(true);
        aView.setCompact(true);
        VBox charts = new VBox(8, zView, aView);
        charts.setMinWidth(300);
        charts.setPrefWidth(380);
        HBox.setHgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(zView, Priority.ALWAYS);
        VBox.setVgrow(aView, Priority.ALWAYS);
        zView.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        aView.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        getChildren().addAll(scroll, charts);
    }

    /** The paragraphs shown, heading and text, for tests. */
    List<String> shownText() {
        List<String> all = new ArrayList<>();
        all.add(headline.getText());
        for (Node n : text.getChildren()) {
            if (n instanceof Label l) {
                all.add(l.getText());
            }
        }
        return all;
    }

    /** Rewrites the text from the model's current result. */
    @Override
    public void refresh() {
        ExperimentResult result = model.resultProperty().get();
        StrategyResult r = model.shownProperty().get();
        text.getChildren().clear();
        if (result == null || r == null) {
            headline.setText("computing…");
            zView.setData(null);
            aView.setData(null);
            return;
        }
        int layer = Math.min(model.view().layerProperty().get(), r.layers().size());
        headline.setText(Explanation.headline(result.config(), r, layer));
        List<Explanation.Paragraph> paragraphs = new ArrayList<>(Explanation.of(result.config(), r, layer));
        paragraphs.addAll(Explanation.signalPropagation(result.config(), r));
        for (Explanation.Paragraph p : paragraphs) {
            Label h = new Label(p.heading());
            h.getStyleClass().add("section-title");
            Label body = new Label(p.text());
            body.setWrapText(true);
            body.getStyleClass().add("explain-text");
            text.getChildren().addAll(h, body);
        }
        String where = r.layers().size() > 1 ? " · layer " + layer : "";
        boolean log = model.view().logYProperty().get();
        zView.setData(Plots.data(result, r, layer, app.initscope.core.experiment.TensorKind.Z,
                "Pre-activation z" + where, model.view().showTheoryProperty().get(), log));
        aView.setData(Plots.data(result, r, layer, app.initscope.core.experiment.TensorKind.ACTIVATION,
                "Activation a" + where, false, log));
    }

    @Override
    public app.initscope.render.Figure exportFigure(ExperimentResult result, Strategy shown,
                                                    app.initscope.render.Figures.Options options) {
        return app.initscope.render.Figures.single(result, shown, options);
    }

    /** The explanation exports as the single view's histograms. */
    @Override
    public boolean hasOwnFigure() {
        return false;
    }
}
