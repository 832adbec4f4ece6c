package dev.drivelog.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.analysis.ffm.NativeMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a map file holds, as a SHA-256 hex string: over the map's header as the engine reports it
 * ({@code map info}: format version, counts, bounding box, grid, and the crc32 of every section),
 * without the {@code source} it was built from. So a map rebuilt from the same data (another path,
 * another modification time, another name) has the same fingerprint, and any change of content,
 * which changes a section's checksum, gives another. Reads only the header page of the file.
 */
public final class MapFingerprint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECTION_CHECKSUMS = "section_crc32";

    private MapFingerprint() {}

    /** @throws AnalysisException (permanent) when the map is missing, damaged or of another format version */
    public static String of(Path map) throws AnalysisException {
        ObjectNode info;
        try {
            info = (ObjectNode) JSON.readTree(NativeMap.shared(map).infoJson());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("map info of " + map + " is not a JSON object: " + e.getMessage(), e);
        }
        if (!info.has(SECTION_CHECKSUMS)) {
            throw new IllegalStateException("the native library's map info of " + map + " has no " + SECTION_CHECKSUMS
                    + ": rebuild the library with ./mvnw package");
        }
        info.remove("source");
        return sha256(info.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
