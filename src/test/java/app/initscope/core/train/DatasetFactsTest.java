package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a data set says of itself is what the loaded data set is. */
class DatasetFactsTest {

    @Test
    void everyDataSetsFactsMatchItsLoadedRows() {
        ExperimentConfig config = ExperimentConfig.builder().fanIn(12).samples(60).width(8).outputs(3).depth(1)
                .build();
        Parallel seq = Parallel.sequential();
        for (DatasetId id : DatasetId.values()) {
            Dataset d = Datasets.of(config, TrainConfig.defaults().withDataset(id), Kernels.best(seq), seq);
            assertEquals(id.inputs(config.fanIn()), d.inputs(), id + " inputs");
            assertEquals(id.outputs(config.outputs()), d.outputs(), id + " outputs");
            assertEquals(id.classification(), d.classification(), id + " classification");
            if (id.classification()) {
                Set<Integer> labels = new HashSet<>();
                Arrays.stream(d.train().labels()).forEach(labels::add);
                assertEquals(id.outputs(config.outputs()), labels.size(), id + ": every class has rows");
            }
            assertEquals(id.twoD(), d.inputs() == 2 && d.classification(), id + " in the plane");
            assertEquals(id.fixesInputs(), id.inputs(1) == id.inputs(999), id + " fixes its inputs");
        }
    }

    @Test
    void theDataSetHelpNamesEverySetsInputsAndClasses() {
        String help = TrainCatalog.DATASET.help();
        assertTrue(help.contains("digits: 64 inputs, 10 classes"), help);
        assertTrue(help.contains("spiral: 2 inputs, 3 classes"), help);
    }
}
