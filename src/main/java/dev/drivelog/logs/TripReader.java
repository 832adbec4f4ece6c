package dev.drivelog.logs;

import dev.drivelog.config.LogFormatChoice;
import dev.drivelog.config.LogsConfig;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one drive log (CSV, JSON Lines, NMEA 0183 or GPX; plain or gzip) as a stream and hands each
 * trip to a consumer as soon as it ends, so memory is bounded by the config's limits, not by the
 * file. Format and compression are found from the content. Bad records are skipped and counted in
 * the returned {@link ReadReport}; an input that cannot be read at all (or crosses a size limit)
 * fails with an {@link UnreadableLogException} naming it. Thread-safe: each call has its own state.
 */
public final class TripReader {
    /** The decompressed/compressed ratio is checked only past this many decompressed bytes. */
    static final long RATIO_FLOOR_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final LogsConfig config;
    private final CsvLineScanner csvScanner;
    private final JsonLinesScanner jsonLinesScanner;
    private final GpxScanner gpxScanner;
    private final NmeaSentenceScanner nmeaScanner;

    public TripReader(LogsConfig config) {
        this(config, null, null);
    }

    public TripReader(LogsConfig config, CsvLineScanner csvScanner) {
        this(config, csvScanner, null);
    }

    /**
     * @param csvScanner       reads the common CSV lines natively (identical results, less CPU), or
     *                         null to read every line in Java
     * @param jsonLinesScanner the same for JSON Lines, or null
     */
    public TripReader(LogsConfig config, CsvLineScanner csvScanner, JsonLinesScanner jsonLinesScanner) {
        this(config, csvScanner, jsonLinesScanner, null);
    }

    /** @param gpxScanner reads GPX natively up to a safe point, Aalto the rest; or null for Aalto alone */
    public TripReader(LogsConfig config, CsvLineScanner csvScanner, JsonLinesScanner jsonLinesScanner,
                      GpxScanner gpxScanner) {
        this(config, csvScanner, jsonLinesScanner, gpxScanner, null);
    }

    /** @param nmeaScanner decodes the common NMEA lines' sentences natively, or null to read them in Java */
    public TripReader(LogsConfig config, CsvLineScanner csvScanner, JsonLinesScanner jsonLinesScanner,
                      GpxScanner gpxScanner, NmeaSentenceScanner nmeaScanner) {
        this.config = Objects.requireNonNull(config, "config");
        this.csvScanner = csvScanner;
        this.jsonLinesScanner = jsonLinesScanner;
        this.gpxScanner = gpxScanner;
        this.nmeaScanner = nmeaScanner;
    }

    /** Reads a file; its name (without directories) names it in messages. */
    public ReadReport read(Path file, LogFormat format, TripConsumer consumer) throws IOException, UnreadableLogException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in, format, consumer);
        }
    }

    /**
     * Reads with the format from the config ({@code logs.format}: detected when {@code auto}).
     *
     * @see #read(String, InputStream, LogFormat, TripConsumer)
     */
    public ReadReport read(String inputName, InputStream input, TripConsumer consumer)
            throws IOException, UnreadableLogException {
        LogFormat format = config.format() == LogFormatChoice.AUTO ? null : LogFormat.valueOf(config.format().name());
        return read(inputName, input, format, consumer);
    }

    /**
     * @param inputName the file name or object key, for messages (and a hint, never trusted over content)
     * @param input     the stored bytes, possibly gzip-compressed; read to the end but not closed
     * @param format    the format to assume, or null to detect it from the content
     * @param consumer  receives each trip when it ends; an IOException it throws ends the read and is rethrown
     * @throws UnreadableLogException the input is unreadable as a whole or over a limit; trips already
     *                                handed on belong to a rejected input
     * @throws IOException            reading the input failed (other than by truncation), or the consumer failed
     */
    public ReadReport read(String inputName, InputStream input, LogFormat format, TripConsumer consumer)
            throws IOException, UnreadableLogException {
        ReadCounts counts = new ReadCounts(inputName, config.maxReportedProblems());
        CountingInputStream stored = new CountingInputStream(input, config.maxInputBytes(), "logs.max_input_bytes");
        CountingInputStream decoded = null;
        String compression = "none";
        LogFormat chosen = format;
        TripSplitter splitter = new TripSplitter(config, counts, consumer);
        try {
            BufferedInputStream buffered = new BufferedInputStream(stored, BUFFER_BYTES);
            InputStream content = buffered;
            Compression kind = Compression.sniff(buffered);
            if (kind == Compression.GZIP) {
                compression = "gzip";
                content = new GZIPInputStream(buffered, BUFFER_BYTES);
            } else if (kind != Compression.NONE) {
                throw new UnreadableLogException(inputName, kind.refusal());
            }
            decoded = new CountingInputStream(content, config.maxDecompressedBytes(), "logs.max_decompressed_bytes",
                    kind == Compression.GZIP ? stored : null, config.maxDecompressionRatio(), RATIO_FLOOR_BYTES);
            BufferedInputStream text = new BufferedInputStream(decoded, BUFFER_BYTES);
            if (chosen == null) {
                chosen = detect(inputName, text, true);
                noteExtensionMismatch(inputName, chosen, counts);
            } else {
                detect(inputName, text, false);
            }
            if (chosen == null) {
                counts.problem(0, "empty input, no trips");
                return counts.toReport("empty", compression, stored.count(), decoded.count());
            }
            parser(chosen, counts).parse(text, splitter);
        } catch (TripSplitter.ConsumerFailedException e) {
            throw e.getCause();
        } catch (InputLimitExceededException e) {
            throw new UnreadableLogException(inputName, e.getMessage(), e);
        } catch (EOFException | ZipException e) {
            // Truncated or corrupt compressed data: keep what came before, unless nothing did.
            if (counts.pointsRead == 0) {
                throw new UnreadableLogException(inputName, "truncated or corrupt " + ("gzip".equals(compression)
                        ? "gzip data" : "input") + " with nothing readable (" + e.getMessage() + ")", e);
            }
            counts.truncated = true;
            counts.problem(counts.lines, "input ends early (" + e.getMessage() + "); what came before is kept");
        }
        try {
            splitter.finish();
        } catch (TripSplitter.ConsumerFailedException e) {
            throw e.getCause();
        }
        if (counts.pointsRead == 0 && counts.malformedLines > 0) {
            throw new UnreadableLogException(inputName, "no readable point in " + counts.lines + " lines as "
                    + chosen.id() + "; first problem: " + counts.toReport(chosen.id(), compression, 0, 0).problems().getFirst());
        }
        return counts.toReport(chosen.id(), compression, stored.count(), decoded.count());
    }

    /** Looks at the first bytes without consuming them; with {@code tellFormat} false only refuses non-text. */
    private static LogFormat detect(String inputName, BufferedInputStream text, boolean tellFormat)
            throws IOException, UnreadableLogException {
        text.mark(FormatDetector.PREFIX_BYTES);
        byte[] prefix = new byte[FormatDetector.PREFIX_BYTES];
        int length = text.readNBytes(prefix, 0, prefix.length);
        text.reset();
        if (!tellFormat) {
            FormatDetector.requireText(inputName, prefix, length);
            return null;
        }
        return FormatDetector.detect(inputName, prefix, length);
    }

    private static void noteExtensionMismatch(String inputName, LogFormat detected, ReadCounts counts) {
        LogFormat byName = LogFormat.fromFileName(inputName);
        if (detected != null && byName != null && byName != detected) {
            counts.problem(0, "content is " + detected.id() + " although the name suggests " + byName.id()
                    + "; read as " + detected.id());
        }
    }

    private LogParser parser(LogFormat format, ReadCounts counts) {
        return switch (format) {
            case CSV -> new CsvLogParser(config, counts, csvScanner);
            case JSONL -> new JsonLinesLogParser(config, counts, true, jsonLinesScanner);
            case NMEA -> new NmeaLogParser(config, counts, nmeaScanner);
            case GPX -> new GpxLogParser(config, counts, gpxScanner);
        };
    }
}
