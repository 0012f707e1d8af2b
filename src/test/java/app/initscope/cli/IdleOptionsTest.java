package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An option that would change nothing is refused, not silently ignored, and the report states the real values. */
class IdleOptionsTest {

    @Test
    void aGridSizeWithoutTheGridIsRefused() {
        RunCommandTest.assertBadInput("theory --grid-size 5", "--grid-size: sets the size of the --grid");
    }

    @Test
    void theJacobianInACsvIsRefused() {
        RunCommandTest.assertBadInput("run --jacobian --format csv --fan-in 8 --samples 8", "--jacobian:");
    }

    @Test
    void aFanInThatTheDataSetFixesIsRefused() {
        RunCommandTest.assertBadInput("train --dataset digits --fan-in 5 --steps 1 --width 4",
                "--fan-in: the digits data set fixes the network's inputs at 64");
    }

    /** Without --fan-in, the config reports the inputs the network has, not the default fan-in it never used. */
    @Test
    void theConfigOfATrainingOnA2dSetReportsItsTwoInputs() throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("train --dataset xor --samples 16 "
                + "--width 4 --steps 1 --batch full --strategies he --threads 1 --format json"));
        assertEquals(0, o.code(), o.err());
        assertEquals(2, new ObjectMapper().readTree(o.out()).get("config").get("fanIn").asInt());
    }
}
