package dev.drivelog.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.drivelog.config.LogsConfig;
import dev.drivelog.config.SpeedUnit;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON Lines: one flat JSON object per line with the field names of {@link FieldName} (nested
 * objects such as Traccar's {@code attributes} are skipped). Times are ISO-8601 strings or epoch
 * numbers. Unit rule for a plain {@code speed}: a Traccar-style record (one with {@code fixTime},
 * {@code deviceTime} or {@code serverTime}) reports knots, as Traccar does; otherwise logs.speed_unit
 * applies. {@code "valid": false} marks an invalid fix (dropped and counted).
 */
final class JsonLinesLogParser implements LogParser {
    private final LogsConfig config;
    private final ReadCounts counts;
    private final JsonFactory json;

    JsonLinesLogParser(LogsConfig config, ReadCounts counts) {
        this.config = config;
        this.counts = counts;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
                .build();
    }

    @Override
    public void parse(InputStream in, PointSink sink) throws IOException {
        LineReader lines = new LineReader(in, config.maxLineBytes(), counts);
        PointRecord record = new PointRecord(config);
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            try {
                readRecord(line, record);
                record.emit(sink, lines.lineNumber(), counts);
            } catch (MalformedRecordException e) {
                counts.malformed(lines.lineNumber(), e.getMessage() + ", line skipped");
            } catch (JsonProcessingException e) {
                counts.malformed(lines.lineNumber(), "not a JSON object (" + e.getOriginalMessage() + "), line skipped");
            }
        }
    }

    private void readRecord(String line, PointRecord record) throws IOException, MalformedRecordException {
        record.reset();
        boolean traccarStyle = false;
        double plainSpeed = Double.NaN;
        try (JsonParser parser = json.createParser(line)) {
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
                String normalized = FieldName.normalize(name);
                if (normalized.equals("fixtime") || normalized.equals("devicetime") || normalized.equals("servertime")) {
                    traccarStyle = true;
                }
                FieldName field = FieldName.of(name);
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
