package dev.drivelog.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.drivelog.config.LogsConfig;
import dev.drivelog.config.SpeedUnit;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON Lines: one flat JSON object per line with the field names of {@link FieldName} (nested
 * objects such as Traccar's {@code attributes} are skipped). Times are ISO-8601 strings or epoch
 * numbers. Unit rule for a plain {@code speed}: a Traccar-style record (one with {@code fixTime},
 * {@code deviceTime} or {@code serverTime}) reports knots, as Traccar does; otherwise logs.speed_unit
 * applies. {@code "valid": false} marks an invalid fix (dropped and counted).
 */
final class JsonLinesLogParser implements LogParser {
    private static final int MAX_KEYS_REMEMBERED = 1024;

    private final LogsConfig config;
    private final ReadCounts counts;
    private final JsonFactory json;
    private final Map<String, KeyMeaning> meanings = new HashMap<>();
    private final boolean asciiInPlace;
    private final JsonLinesScanner scanner;
    /** The keys in {@link #meanings}, for the scanner; null without one. */
    private final JsonScanKeys scanKeys;

    JsonLinesLogParser(LogsConfig config, ReadCounts counts) {
        this(config, counts, true, null);
    }

    /** @param asciiInPlace false: every line decoded to a String first (what the in-place reading must agree with) */
    JsonLinesLogParser(LogsConfig config, ReadCounts counts, boolean asciiInPlace) {
        this(config, counts, asciiInPlace, null);
    }

    /**
     * @param asciiInPlace false: every line decoded to a String first (what the in-place reading must agree with)
     * @param scanner      reads the common lines natively, or null: every line is read here
     */
    JsonLinesLogParser(LogsConfig config, ReadCounts counts, boolean asciiInPlace, JsonLinesScanner scanner) {
        this.config = config;
        this.counts = counts;
        this.asciiInPlace = asciiInPlace;
        this.scanner = scanner;
        this.scanKeys = scanner == null ? null : new JsonScanKeys();
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
                // Jackson's bundled FastDoubleParser (Lemire's algorithm): correctly rounded, as
                // Double.parseDouble is, so the same doubles, in less of the reading's time.
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    @Override
    public void parse(InputStream in, PointSink sink) throws IOException {
        LineReader lines = new LineReader(in, config.maxLineBytes(), counts);
        VehicleIds vehicleIds = new VehicleIds();
        PointRecord record = new PointRecord(config, vehicleIds);
        ScannedCsvLines scanned = ScannedCsvLines.of(scanner, JsonScanLayout.of(config), scanKeys, vehicleIds, counts);
        while (true) {
            if (scanned != null) {
                // The scanner stops before a line it cannot read as this class does (one with a key it
                // was not told of, say): that line, or the next buffer's first, is read here.
                scanned.readWaitingLines(lines, sink);
            }
            if (!lines.advance()) {
                break;
            }
            byte[] bytes = lines.buffer();
            int from = lines.lineStart();
            int to = lines.lineEnd();
            // An ASCII line (nearly every one) is parsed where it lies in the reader's buffer; any other
            // is decoded first, as it always was (a malformed UTF-8 byte becomes U+FFFD, not an error).
            boolean ascii = asciiInPlace && isAscii(bytes, from, to);
            String text = ascii ? null : lines.text();
            if (ascii ? isBlankAscii(bytes, from, to) : text.isBlank()) {
                continue;
            }
            try {
                if (!ascii) {
                    read(json.createParser(text), record);
                } else {
                    try {
                        read(json.createParser(bytes, from, to - from), record);
                    } catch (JsonProcessingException inPlace) {
                        // Jackson words a few errors differently for bytes than for text (an unclosed
                        // string): the line's message is the decoded line's, as it always was.
                        read(json.createParser(lines.text()), record);
                    }
                }
                record.emit(sink, lines.lineNumber(), counts);
            } catch (MalformedRecordException e) {
                counts.malformed(lines.lineNumber(), e.getMessage() + ", line skipped");
            } catch (JsonProcessingException e) {
                counts.malformed(lines.lineNumber(), "not a JSON object (" + e.getOriginalMessage() + "), line skipped");
            }
        }
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** String.isBlank for ASCII: Character.isWhitespace's ASCII characters. */
    private static boolean isBlankAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (!((c >= 9 && c <= 13) || (c >= 28 && c <= 32))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a key means. Remembered per key: Jackson hands out the same String for a key it has seen,
     * and normalising every key of every record ({@link FieldName#normalize}) was a quarter of the
     * reading's CPU. Bounded, so that a log of ever new keys cannot fill the heap.
     */
    private KeyMeaning meaning(String name) {
        KeyMeaning meaning = meanings.get(name);
        if (meaning == null) {
            String normalized = FieldName.normalize(name);
            meaning = new KeyMeaning(FieldName.ofNormalized(normalized),
                    normalized.equals("fixtime") || normalized.equals("devicetime") || normalized.equals("servertime"));
            if (meanings.size() < MAX_KEYS_REMEMBERED) {
                meanings.put(name, meaning);
                if (scanKeys != null) {
                    scanKeys.add(name, meaning.field(), meaning.traccarTime());
                }
            }
        }
        return meaning;
    }

    /** @param traccarTime a Traccar time field: the record's plain speed is in knots */
    private record KeyMeaning(FieldName field, boolean traccarTime) {}

    private void read(JsonParser parser, PointRecord record) throws IOException, MalformedRecordException {
        try (parser) {
            readRecord(parser, record);
        }
    }

    private void readRecord(JsonParser parser, PointRecord record) throws IOException, MalformedRecordException {
        record.reset();
        boolean traccarStyle = false;
        double plainSpeed = Double.NaN;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedRecordException("not a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            KeyMeaning meaning = meaning(name);
            traccarStyle |= meaning.traccarTime();
            FieldName field = meaning.field();
            if (field == null || value == JsonToken.VALUE_NULL) {
                continue;
            }
            if (field == FieldName.SPEED) {
                plainSpeed = speedValue(parser, value);
            } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                record.setNumber(field, parser.getDoubleValue(), config.speedUnit());
            } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                record.setNumber(field, value == JsonToken.VALUE_TRUE ? 1 : 0, config.speedUnit());
            } else {
                record.set(field, parser.getText(), config.speedUnit());
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new MalformedRecordException("not a flat JSON object");
        }
        if (parser.nextToken() != null) {
            throw new MalformedRecordException("text after the JSON object");
        }
        if (!Double.isNaN(plainSpeed) && Double.isNaN(record.speedMps)) {
            SpeedUnit unit = traccarStyle ? SpeedUnit.KNOTS : config.speedUnit();
            record.speedMps = unit.toMps(plainSpeed);
        }
    }

    private static double speedValue(JsonParser parser, JsonToken value) throws IOException, MalformedRecordException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        String text = parser.getText().strip();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad speed '" + text + "'");
        }
    }
}
