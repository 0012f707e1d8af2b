package app.initscope.cli;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.export.Preset;
import app.initscope.render.TheoryCache;
import app.initscope.render.explain.Explanation;
import app.initscope.render.explain.Explanation.Paragraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code initscope explain}: runs the experiment as {@code run} does and prints the Explain tab's text for one
 * strategy and layer: the headline, then each paragraph's heading and text, as plain text or Markdown.
 */
@Command(name = "explain",
        description = "Run the experiment like 'run' and print the Explain tab's text for one strategy and layer: "
                + "the headline, then what you see, why, what to try and the signal-propagation story, with the "
                + "live numbers. Plain text or Markdown, ready to paste into lecture notes.",
        footer = {"", "Examples:",
                "  initscope explain --strategy he --activation tanh",
                "  initscope explain --strategy xavier --activation relu --depth 10 --layer 10",
                "  initscope explain --preset lecture.json --strategy large --format markdown --output large.md"})
public final class ExplainCommand extends ExperimentCommand {

    /** Output formats. */
    enum Format { text, markdown }

    @Mixin
    ShownOptions shown;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "text or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    OutputOptions target;

    @Override
    int call(ExperimentConfig given) throws IOException {
        Preset preset = experiment.preset().orElse(null);
        Strategy strategy = shown.strategy(preset);
        ExperimentConfig config = ShownOptions.including(given, strategy);
        int layer = shown.layer(preset, config);
        int threadCount = target.checkedThreads(this);     // and the output, before the computation
        ExperimentResult result = RunCommand.compute(spec, config, threadCount, 1, false, false, new ArrayList<>());
        TheoryCache.prepare(config, List.of(strategy));          // the numbers of the signal-propagation story
        StrategyResult r = result.find(strategy).orElseThrow();
        target.write(format(result.config(), r, layer), out(), err());
        return 0;
    }

    /** The headline, a line that says what is explained, then each paragraph's heading and text. */
    String format(ExperimentConfig config, StrategyResult r, int layer) {
        List<Paragraph> paragraphs = new ArrayList<>(Explanation.of(config, r, layer));
        paragraphs.addAll(Explanation.signalPropagation(config, r));
        String what = r.strategy().label() + ", " + config.activation().label() + ", layer " + layer + " of "
                + config.depth();
        boolean md = format == Format.markdown;
        StringBuilder out = new StringBuilder();
        out.append(md ? "## " : "").append(Explanation.headline(config, r, layer)).append('\n');
        out.append(md ? "\n*" + what + "*\n" : what + "\n");
        for (Paragraph p : paragraphs) {
            out.append('\n').append(md ? "### " : "").append(p.heading()).append('\n');
            out.append(md ? "\n" : "").append(p.text()).append('\n');
        }
        return out.toString();
    }
}
