package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a handout page's embedded data back, for the tests of the page, the command and the window. */
public final class HandoutPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HandoutPages() {
    }

    /** The text of the page's {@code <script type="application/json">} element with this id. */
    public static String embeddedText(String page, String id) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no element " + id);
        return m.group(1);
    }

    /** That element's JSON: {@code report-data} (the JSON report) or {@code page-data} (what the page adds). */
    public static JsonNode embedded(String page, String id) throws IOException {
        return JSON.readTree(embeddedText(page, id));
    }
}
