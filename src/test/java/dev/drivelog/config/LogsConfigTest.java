package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * {@link LogsConfig#toString} is written out by hand (start-up time) but is part of every result
 * version (ResultIdentity): it must stay the text the record would generate, component for component.
 */
class LogsConfigTest {
    @Test
    void toString_defaults_isTheRecordsGeneratedForm() throws Exception {
        assertEquals(generated(LogsConfig.DEFAULTS), LogsConfig.DEFAULTS.toString());
    }

    @Test
    void toString_everyComponentChanged_isTheRecordsGeneratedForm() throws Exception {
        LogsConfig changed = new LogsConfig(LogFormatChoice.values()[LogFormatChoice.values().length - 1],
                SpeedUnit.values()[SpeedUnit.values().length - 1], ZoneId.of("Asia/Tokyo"), 2.5, 61.25, 3, 99_999,
                17, 1_234_567L, 5, 250.5, false, false, 7, 5L << 30, 20L << 30, 12.75, 4096);

        assertEquals(generated(changed), changed.toString());
    }

    /** What a record's generated toString gives: {@code Name[a=1, b=x]}, each value as String.valueOf. */
    private static String generated(Record record) throws Exception {
        StringJoiner text = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            text.add(component.getName() + "=" + component.getAccessor().invoke(record));
        }
        return text.toString();
    }
}
