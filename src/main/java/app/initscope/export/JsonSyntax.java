package app.initscope.export;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax errors in plain words for someone editing a preset by hand: what was found and what was
 * expected, without the parser's names for its features, tokens and character codes. The caller adds the line and
 * column.
 */
final class JsonSyntax {

    /** Jackson's wording of what it expected, and ours. */
    private static final List<String[]> EXPECTED = List.of(
            new String[] {"expected a valid value", "expected a value (a number, a string in double quotes, true, "
                    + "false, null, an array or an object)"},
            new String[] {"was expecting (JSON String, Number", "expected a value (a number, a string in double "
                    + "quotes, true, false, null, an array or an object)"},
            new String[] {"double-quote to start field name", "expected a field name in double quotes"},
            new String[] {"comma to separate Object entries", "expected ',' or '}' after a field's value"},
            new String[] {"comma to separate Array entries", "expected ',' or ']' after a value in an array"},
            new String[] {"colon to separate field name and value", "expected ':' after a field name"});

    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\)"
            + "(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*",
            Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)"
            + "\\)\\).*", Pattern.DOTALL);

    private JsonSyntax() {
    }

    /** The problem in plain words, or null when the message is not one of the syntax errors known here. */
    static String plain(String message) {
        if (message.contains("comment?") || message.contains("ALLOW_COMMENTS")
                || message.contains("ALLOW_YAML_COMMENTS")) {
            return "comments are not allowed in a preset";
        }
        if (message.startsWith("Trailing token")) {
            return "extra text after the preset's closing brace";
        }
        if (message.contains("Leading zeroes not allowed")) {
            return "a number with a leading zero; write 7, not 07";
        }
        Matcher m = CHARACTER.matcher(message);
        if (m.matches()) {
            int code = Integer.parseInt(m.group(2));
            String found = code < 32 ? "character (code " + code + ")" : code == '\'' ? "\"'\"" : "'" + m.group(1)
                    + "'";
            return "unexpected " + found + ": " + expected(m.group(3));
        }
        m = TOKEN.matcher(message);
        if (m.matches()) {
            return "unexpected '" + m.group(1) + "': " + expected(m.group(2) == null ? "expected a valid value"
                    : m.group(2));
        }
        m = CLOSE.matcher(message);
        if (m.matches()) {
            return "unexpected '" + m.group(1) + "': expected '" + m.group(2) + "' to close what is open";
        }
        m = CONTROL.matcher(message);
        if (m.matches()) {
            return "a raw control character (code " + m.group(1) + ") inside a string; write it escaped, e.g. \\n";
        }
        return null;
    }

    private static String expected(String rest) {
        if (rest != null) {
            for (String[] e : EXPECTED) {
                if (rest.contains(e[0])) {
                    return e[1];
                }
            }
        }
        return "not valid JSON here" + (rest == null ? "" : "; " + rest.toLowerCase(Locale.ROOT)
                .replaceAll("\\(.*", "").trim());
    }
}
