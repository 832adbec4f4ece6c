package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineSplitterTest {

    private static List<String> split(char delimiter, String line) throws MalformedRecordException {
        CsvLineSplitter splitter = new CsvLineSplitter(delimiter);
        int n = splitter.split(line);
        List<String> fields = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            fields.add(splitter.field(i));
        }
        return fields;
    }

    @Test
    void split_quotedFieldsWithDelimitersAndEscapedQuotes() throws Exception {
        assertEquals(List.of("a", "b;c", "say \"hi\"", ""), split(';', "a;\"b;c\";\"say \"\"hi\"\"\";"));
        assertEquals(List.of("", "", ""), split(',', ",,"));
        assertEquals(List.of("x"), split('\t', "x"));
    }

    @Test
    void split_unclosedQuote_isMalformed() {
        assertThrows(MalformedRecordException.class, () -> split(',', "a,\"b,c"));
        assertThrows(MalformedRecordException.class, () -> split(',', "a,\"b\"x,c"));
    }

    @Test
    void detectDelimiter_mostFrequentOutsideQuotes() {
        assertEquals(';', CsvLineSplitter.detectDelimiter("\"a,b,c\";time;lat;lon"));
        assertEquals('\t', CsvLineSplitter.detectDelimiter("time\tlat\tlon"));
        assertEquals(',', CsvLineSplitter.detectDelimiter("time,lat,lon"));
    }
}
