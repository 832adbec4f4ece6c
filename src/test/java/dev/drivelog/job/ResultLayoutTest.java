package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResultLayoutTest {
    private final ResultLayout layout = new ResultLayout(null, "results/", "engine-1");

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "logs/../../../x", "a/%00/b\u0000c", "..", ".", "/", "//",
            "fahrt/köln süd/🚗.csv", "logs/a b+c%2F..%2F.csv", "\\..\\..\\windows", "results/../../other"})
    void prefixFor_hostileKey_staysInsideOutputPrefixWithSafeCharacters(String key) {
        ResultPrefix prefix = layout.prefixFor("bucket", key, "e:etag");
        String manifest = prefix.manifestKey();
        assertTrue(manifest.startsWith("results/"), manifest);
        String rest = manifest.substring("results/".length());
        assertEquals(2, rest.split("/").length, "exactly one level below the prefix: " + manifest);
        assertTrue(rest.matches("[A-Za-z0-9._-]+/manifest\\.json"), manifest);
        assertFalse(List.of(rest.split("/")).contains(".."), manifest);
    }

    @Test
    void prefixFor_veryLongKey_hasBoundedLength() {
        String key = "logs/" + "x".repeat(5000) + ".csv";
        ResultPrefix prefix = layout.prefixFor("bucket", key, "e:etag");
        assertTrue(prefix.prefix().length() <= "results/".length() + ResultLayout.READABLE_NAME_MAX_CHARS + 1 + 32 + 1,
                prefix.prefix());
    }

    @Test
    void prefixFor_sameInput_isDeterministic() {
        assertEquals(layout.prefixFor("b", "logs/a.csv", "e:1"), layout.prefixFor("b", "logs/a.csv", "e:1"));
    }

    @Test
    void prefixFor_otherVersionOrEngineOrBucket_differs() {
        ResultPrefix base = layout.prefixFor("b", "logs/a.csv", "e:1");
        assertNotEquals(base, layout.prefixFor("b", "logs/a.csv", "e:2"));
        assertNotEquals(base, layout.prefixFor("c", "logs/a.csv", "e:1"));
        assertNotEquals(base, new ResultLayout(null, "results/", "engine-2").prefixFor("b", "logs/a.csv", "e:1"));
    }

    @Test
    void prefixFor_keysThatSanitiseAlike_stillDiffer() {
        assertNotEquals(layout.prefixFor("b", "logs/a b.csv", "e:1"), layout.prefixFor("b", "logs/a_b.csv", "e:1"));
    }

    @Test
    void prefixFor_outputBucketSet_usesIt() {
        ResultLayout other = new ResultLayout("results-bucket", "out", "v");
        ResultPrefix prefix = other.prefixFor("logs-bucket", "a.csv", "e:1");
        assertEquals("results-bucket", prefix.bucket());
        assertTrue(prefix.prefix().startsWith("out/"));
    }

    @Test
    void isResultKey_keyUnderOutputPrefixOfSameBucket_isTrue() {
        assertTrue(layout.isResultKey("b", "results/x-1/summary.json"));
        assertFalse(layout.isResultKey("b", "logs/x.csv"));
        assertFalse(new ResultLayout("other", "results/", "v").isResultKey("b", "results/x/summary.json"));
    }

    @Test
    void keyOf_nameWithSlash_isRefused() {
        ResultPrefix prefix = layout.prefixFor("b", "a.csv", "e:1");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> prefix.keyOf("../x"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> prefix.keyOf(".."));
    }
}
