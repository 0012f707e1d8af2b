package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.TheoryCatalog;
import app.initscope.core.settings.Setting;
import app.initscope.core.train.TrainCatalog;
import app.initscope.export.Preset;
import app.initscope.export.PresetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Every number of the command line is read by one parser, {@link Setting#parse}, with its syntax and range. */
class NumberOptionsTest {

    private static final String SMALL = " --fan-in 6 --samples 8 --width 4 --depth 1 --strategies he";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --steps 1 --batch 0     | --batch",
        "train --steps 1 --batch -0    | --batch",
        "run --repeat +5               | --repeat",
        "run --threads +5              | --threads",
        "run --repeat ٥                | --repeat",
        "run --threads ٥               | --threads",
        "run --threads 0x10            | --threads",
        "train --steps 1 --repeat 1e3  | --repeat",
        "explain --layer +1            | --layer",
        "export --scale +2             | --scale"})
    void numbersOutsideTheSyntaxOrRangeAreRefusedNamingTheOption(String line, String option) {
        RunCommandTest.assertBadInput(line + SMALL, option + ":");
    }

    @Test
    void theGridSizeFollowsTheSameSyntax() {
        RunCommandTest.assertBadInput("theory --grid --grid-size +5", "--grid-size:");
        RunCommandTest.assertBadInput("theory --grid --grid-size 1", "--grid-size: must be between 2 and 1000");
    }

    /** Spaces around a number: every option treats them alike, as one parser does. */
    @Test
    void threadsAndFanInTakeTheSameText() {
        for (String option : List.of("--threads", "--fan-in", "--repeat")) {
            List<String> args = new ArrayList<>(List.of("run", "--samples", "8", "--width", "4", "--strategies",
                    "he", "--format", "json"));
            args.addAll(List.of(option, " 5"));
            RunCommandTest.Outcome o = RunCommandTest.run(args.toArray(String[]::new));
            assertEquals(0, o.code(), option + ": " + o.err());
        }
    }

    @Test
    void aPresetsBatchOfZeroIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        String json = Files.readString(Path.of("assets/presets/train-spiral-relu.json"))
                .replaceFirst("\"batch\": *[0-9]+", "\"batch\": 0");
        assertTrue(json.contains("\"batch\": 0"), json);
        Files.writeString(file, json);
        PresetException e = org.junit.jupiter.api.Assertions.assertThrows(PresetException.class,
                () -> Preset.read(file));
        assertTrue(e.problem().contains("batch") && e.problem().contains("full"), e.problem());
    }

    /**
     * The rule, for every option of every command: an option whose value is a number has a converter that parses
     * it with a setting, or is a setting's own option (its text is parsed by that setting). No option has a raw
     * int, long or double left to picocli's own parser, which takes "+5" and "٥".
     */
    @Test
    void everyNumericOptionOfEveryCommandIsParsedBySetting() {
        Set<String> settingFlags = Stream.of(Catalog.ALL, TrainCatalog.ALL, List.of(TheoryCatalog.SIGMA_W2,
                TheoryCatalog.SIGMA_B2)).flatMap(List::stream).map(Setting::flag).collect(Collectors.toSet());
        CommandLine cli = new CommandLine(new Cli());
        int numeric = 0;
        for (CommandLine sub : cli.getSubcommands().values()) {
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                String where = sub.getCommandName() + " " + o.longestName();
                if (settingFlags.contains(o.longestName())) {
                    assertEquals(String.class, o.type(), where + " keeps its text for its setting");
                    continue;
                }
                Class<?> type = o.type();
                boolean number = Number.class.isAssignableFrom(type) || type == int.class || type == long.class
                        || type == double.class || type == float.class || type == short.class;
                if (number) {
                    numeric++;
                    assertTrue(o.converters().length == 1 && o.converters()[0] instanceof NumberOptions.Parsed,
                            where + " is parsed by a setting");
                }
            }
        }
        assertTrue(numeric >= 8, "threads, repeat, grid-size, scale and layer are found: " + numeric);
    }
}
