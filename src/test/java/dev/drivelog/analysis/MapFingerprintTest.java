package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.analysis.ffm.NativeMap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint is part of every result key: computed with the streaming parser, it must be the text
 * Jackson's tree gave before (readTree, remove "source", toString), or every stored result would be
 * analysed again after an upgrade.
 */
class MapFingerprintTest {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final Path NAMED = Path.of("some.dlmap");

    private static String asTheTreeDid(String infoJson) throws Exception {
        ObjectNode info = (ObjectNode) TREE.readTree(infoJson);
        info.remove("source");
        return info.toString();
    }

    @Test
    void withoutSource_realMaps_isTheTextTheTreeGave() throws Exception {
        for (Path map : new Path[] {GridDrives.map(), GridDrives.buildOsmResource("japan_dates"),
            GridDrives.buildOsmResource("conditional_access")}) {
            String info = NativeMap.shared(map).infoJson();
            assertTrue(info.contains("\"source\""), info);
            assertEquals(asTheTreeDid(info), MapFingerprint.withoutSource(info, map), map.toString());
            assertEquals(MapFingerprint.sha256(asTheTreeDid(info)), MapFingerprint.of(map));
        }
    }

    @Test
    void withoutSource_numbersStringsAndNesting_printedAsTheTreePrintedThem() throws Exception {
        String info = "{\"format_version\":10,\"source\":{\"file\":\"x\",\"n\":[1,2]},\"cell_m\":109.0,\"tiny\":1e-7,"
                + "\"lat\":49.9461013,\"neg\":-0.0,\"big\":12345678901234,\"huger\":123456789012345678901234567890,"
                + "\"exp\":2.5E+20,\"name\":\"\u6E0B\u8C37 \\\"q\\\" \\\\ \\n \\u0001\",\"nested\":{\"source\":\"kept\",\"a\":[]},"
                + "\"empty\":{},\"flags\":[true,false,null],\"section_crc32\":[\"00000000\"]}";
        assertEquals(asTheTreeDid(info), MapFingerprint.withoutSource(info, NAMED));
    }

    @Test
    void withoutSource_noChecksums_saysTheLibraryIsOld() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MapFingerprint.withoutSource("{\"format_version\":10,\"source\":\"a\"}", NAMED));
        assertTrue(e.getMessage().contains("has no section_crc32"), e.getMessage());
    }

    @Test
    void withoutSource_notAnObject_namesTheMap() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MapFingerprint.withoutSource("[1]", NAMED));
        assertTrue(e.getMessage().contains("map info of some.dlmap is not a JSON object"), e.getMessage());
    }
}
