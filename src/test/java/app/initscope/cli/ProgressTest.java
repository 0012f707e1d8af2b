package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A long run shows signs of life on a terminal (a depth-100 preset used to run 77 s in silence). */
class ProgressTest {

    @Test
    void theLineSaysHowFarWhatAndTheTimeLeft() {
        assertEquals("initscope:  40% · xavier: forward layer 3 · about 15 s left",
                Progress.line(0.4, "xavier: forward layer 3", 10));
        assertEquals("initscope:   1% · he: initialize", Progress.line(0.01, "he: initialize", 0.5),
                "no estimate this early");
        assertEquals("initscope:  25% · he: readout · about 2 min 30 s left", Progress.line(0.25, "he: readout", 50));
    }

    @Test
    void updatesAreThrottledRewrittenInPlaceAndErasedAtTheEnd() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress p = new Progress(new PrintWriter(text), now::get, 2);
        p.progress(0.1, "a");
        now.addAndGet(50_000_000);
        p.progress(0.2, "b");                       // 50 ms later: skipped
        now.addAndGet(200_000_000);
        p.nextRepeat(1);
        p.progress(0.5, "c");                       // the second of two repeats, half done: 75%
        String shown = text.toString();
        assertEquals(2, shown.chars().filter(c -> c == '\r').count(), shown);
        assertFalse(shown.contains("· b"), shown);
        assertTrue(shown.contains(" 75% · c"), shown);
        p.finish();
        assertTrue(text.toString().endsWith("\r"), "erased");
    }

    @Test
    void aRedirectedStandardErrorGetsNoProgress() {
        // the tests' standard error is a file or a pipe, never a terminal
        assertFalse(Progress.stderrIsTerminal());
        RunCommandTest.Outcome o = RunCommandTest.run("run", "--fan-in=20", "--samples=20", "--width=20");
        assertEquals(0, o.code(), o.err());
        assertFalse(o.err().contains("\r"), o.err());
    }
}
