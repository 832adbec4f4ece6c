package dev.drivelog.analysis.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The array-backed evidence against the LinkedHashMap it replaced: the same map in every way the outputs see. */
class EvidenceTest {
    @Test
    void builder_randomEntries_isTheLinkedHashMapOfTheSamePuts() {
        Random random = new Random(14);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> expected = new LinkedHashMap<>();
            Evidence.Builder builder = new Evidence.Builder();
            for (int i = random.nextInt(20); i > 0; i--) {
                // Few names, so that some are put twice; values of every scalar kind and null.
                String key = "k" + random.nextInt(12);
                Object value = switch (random.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> random.nextDouble();
                    case 2 -> random.nextInt();
                    case 3 -> "s" + random.nextInt(3);
                    default -> random.nextBoolean();
                };
                expected.put(key, value);
                builder.put(key, value);
            }

            Evidence evidence = builder.build();

            assertSameMap(expected, evidence);
            assertSameMap(expected, Evidence.of(expected));
        }
    }

    @Test
    void of_anEvidence_isThatEvidenceAndNullIsEmpty() {
        Evidence evidence = new Evidence.Builder().put("limit_kmh", 50).build();

        assertSame(evidence, Evidence.of(evidence));
        assertEquals(Map.of(), Evidence.of(null));
    }

    @Test
    void evidence_cannotBeChanged() {
        Evidence evidence = new Evidence.Builder().put("limit_kmh", 50).build();

        assertThrows(UnsupportedOperationException.class, () -> evidence.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> evidence.remove("limit_kmh"));
        assertThrows(UnsupportedOperationException.class, evidence::clear);
        assertThrows(UnsupportedOperationException.class, () -> evidence.entrySet().iterator().next().setValue(2));
    }

    private static void assertSameMap(Map<String, Object> expected, Evidence actual) {
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()), "entries in order");
        assertEquals(expected, actual);
        assertEquals(actual, expected);
        assertEquals(expected.hashCode(), actual.hashCode());
        assertEquals(expected.toString(), actual.toString());
        assertEquals(expected.size(), actual.size());
        List<String> keys = new ArrayList<>(expected.keySet());
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(keys.get(i), actual.key(i));
            assertEquals(expected.get(keys.get(i)), actual.value(i));
            assertEquals(expected.get(keys.get(i)), actual.get(keys.get(i)));
        }
        for (int k = 0; k < 13; k++) {
            assertEquals(expected.containsKey("k" + k), actual.containsKey("k" + k));
            assertEquals(expected.get("k" + k), actual.get("k" + k));
        }
    }
}
