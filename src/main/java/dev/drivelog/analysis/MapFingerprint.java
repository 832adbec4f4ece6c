package dev.drivelog.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.drivelog.analysis.ffm.NativeMap;
import java.io.IOException;
import java.io.StringWriter;
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
    // The streaming parser, not a tree: every command that analyses computes this once at start, and
    // a first ObjectMapper in a fresh JVM (data binding's classes and caches) cost more CPU than
    // the rest of a small input's analysis (docs/BENCHMARKS.md, "Start-up of drivelog analyze").
    private static final JsonFactory JSON = new JsonFactory();
    private static final String SOURCE = "source";
    private static final String SECTION_CHECKSUMS = "section_crc32";

    private MapFingerprint() {}

    /** @throws AnalysisException (permanent) when the map is missing, damaged or of another format version */
    public static String of(Path map) throws AnalysisException {
        return sha256(withoutSource(NativeMap.shared(map).infoJson(), map));
    }

    /**
     * The map info as compact JSON without its top-level {@code source}: the very text that Jackson's
     * tree printed when this was computed through one ({@code readTree}, {@code remove("source")},
     * {@code toString()}; MapFingerprintTest holds them equal), since every result key is made from
     * it and must not move.
     */
    static String withoutSource(String infoJson, Path map) {
        StringWriter text = new StringWriter(infoJson.length());
        boolean checksums = false;
        try (JsonParser in = JSON.createParser(infoJson); JsonGenerator out = JSON.createGenerator(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("map info of " + map + " is not a JSON object: " + infoJson);
            }
            out.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                if (name.equals(SOURCE)) {
                    in.skipChildren();
                    continue;
                }
                checksums |= name.equals(SECTION_CHECKSUMS);
                out.writeFieldName(name);
                out.copyCurrentStructure(in);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("map info of " + map + " is not a JSON object: " + e.getMessage(), e);
        }
        if (!checksums) {
            throw new IllegalStateException("the native library's map info of " + map + " has no " + SECTION_CHECKSUMS
                    + ": rebuild the library with ./mvnw package");
        }
        return text.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
