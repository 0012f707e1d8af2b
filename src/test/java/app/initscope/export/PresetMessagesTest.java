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

    static Stream<Arguments> syntax() {
        String seed = "{\n  \"initscope-preset\": 1,\n  \"config\": {}\n}";
        return Stream.of(
                Arguments.of("{\n  \"initscope-preset\": 1,\n    // a comment\n}", "line 3, column 5",
                        "comments are not allowed in a preset"),
                Arguments.of("{\n  \"initscope-preset\": 1, /* c */\n}", "line 2",
                        "comments are not allowed in a preset"),
                Arguments.of(seed + "\n{}", "line 5", "extra text after the preset's closing brace"),
                Arguments.of("{\n  \"initscope-preset\": x\n}", "line 2, column 23", "unexpected 'x': expected a value"),
                Arguments.of("{\"config\": {\"sigma\": tru}}", "line 1", "unexpected 'tru': expected a value"),
                Arguments.of("{\"a\": 1 \"b\": 2}", "line 1", "expected ',' or '}'"),
                Arguments.of("{\"a\" 1}", "line 1", "expected ':' after a field name"),
                Arguments.of("{\"a\": [1 2]}", "line 1", "expected ',' or ']'"),
                Arguments.of("{\"a\": [1}", "line 1", "unexpected '}'"),
                Arguments.of("{\"a\": \"x\ty\"}", "line 1", "a raw control character (code 9)"),
                Arguments.of("{\"config\": {\"sigma\": 01}}", "line 1", "a number with a leading zero"),
                Arguments.of("{'a': 1}", "line 1, column 2", "unexpected \"'\": expected a field name in double quotes"));
    }

    /** Jackson's syntax errors, in plain words with the line and column, and none of its own terms. */
    @ParameterizedTest
    @MethodSource("syntax")
    void syntaxErrorsAreSaidInPlainWords(String json, String where, String what) {
        PresetException e = assertThrows(PresetException.class, () -> PresetReader.parse(json));
        String m = e.getMessage();
        assertTrue(m.contains("(" + where) && m.contains(what), m);
        assertFalse(m.contains("code 1") || m.contains("Feature") || m.contains("START_OBJECT")
                || m.contains("was expecting") || m.contains("JSON String") || m.contains("Unexpected"),
                "no Jackson wording: " + m);
    }
}
