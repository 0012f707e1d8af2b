package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A broken preset is explained in the user's terms: the fuzzer found messages quoting Jackson's internals, such as
 * {@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS} and {@code StreamReadConstraints.getMaxNestingDepth()}.
 */
class PresetMessagesTest {

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("{\"config\": {\"sigma\": NaN}}", "NaN is not a number JSON allows"),
                Arguments.of("{\"config\": {\"sigma\": Infinity}}", "Infinity is not a number JSON allows"),
                Arguments.of("[".repeat(1200) + "]".repeat(1200), "nested deeper than 1000 levels"),
                Arguments.of("{\"config\": {\"sigma\": 1" + "0".repeat(1200) + "}}", "characters long"),
                Arguments.of("{\"config\": {'sigma': 1}}", "not valid JSON"),
                Arguments.of("{\"config\": {\"sigma\": 01}}", "not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void parserMessagesNameNoParserInternals(String json, String expected) {
        PresetException e = assertThrows(PresetException.class, () -> PresetReader.parse(json));
        String m = e.getMessage();
        assertTrue(m.contains(expected), m);
        assertFalse(m.contains("`") || m.contains("JsonReadFeature") || m.contains("StreamReadConstraints")
                || m.contains("Feature") || m.contains("()"), "no Jackson internals: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }
}
