package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.config.ReportConfig;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static JsonNode settings(Messages messages) throws Exception {
        Matcher block = Pattern.compile("<script type=\"application/json\" id=\"i18n-settings\">(.*?)</script>").matcher(messages.script());
        assertTrue(block.find());
        return new ObjectMapper().readTree(block.group(1));
    }

    @Test
    void script_labels_inLanguageAndKeyOrderSoThatEqualInputsGiveEqualPages() throws Exception {
        JsonNode messages = settings(Messages.defaults()).get("messages");

        assertEquals(List.of("en", "ja"), names(messages));
        List<String> keys = names(messages.get("ja"));
        assertEquals(keys.stream().sorted().toList(), keys, "an order that does not change from one JVM to the next");
    }

    @Test
    void bothLanguages_haveTheSameKeys() throws Exception {
        JsonNode messages = settings(Messages.defaults()).get("messages");

        assertEquals(names(messages.get("en")), names(messages.get("ja")));
    }

    @Test
    void time_tokyoInJapanese_isTheLocalTimeWithItsZone() {
        Messages tokyo = Messages.of(new ReportConfig("ja", "Asia/Tokyo"), ZoneOffset.UTC);

        assertEquals("<time datetime=\"2026-11-20T08:00:00Z\" data-epoch=\"1795161600\" data-format=\"datetime\">2026/11/20 17:00:00 JST</time>",
                tokyo.time(1_795_161_600));
        assertEquals(ZoneId.of("Asia/Tokyo"), tokyo.zone());
    }

    @Test
    void script_auto_leavesLanguageAndZoneToTheBrowser() throws Exception {
        JsonNode settings = settings(Messages.of(ReportConfig.DEFAULTS, ZoneOffset.UTC));

        assertEquals("auto", settings.get("language").asText());
        assertEquals("auto", settings.get("timeZone").asText());
        assertEquals("en", settings.get("rendered").asText());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
