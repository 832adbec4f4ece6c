package dev.drivelog.logs;

import java.util.Locale;

/** The drive-log formats drivelog reads. */
public enum LogFormat {
    CSV, JSONL, NMEA, GPX;

    /** The lower-case name used in reports and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format with this id ({@code csv}, {@code jsonl}, {@code nmea}, {@code gpx}), e.g. from a --format option. */
    public static LogFormat fromId(String id) {
        for (LogFormat format : values()) {
            if (format.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown log format '" + id + "': use csv, jsonl, nmea or gpx");
    }

    /**
     * The format a file name suggests, ignoring compression suffixes ({@code fleet.csv.gz} is CSV),
     * or null when the name says nothing.
     */
    public static LogFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String compression : new String[] {".gz", ".gzip", ".zst"}) {
            if (lower.endsWith(compression)) {
                lower = lower.substring(0, lower.length() - compression.length());
            }
        }
        int dot = lower.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        return switch (lower.substring(dot + 1)) {
            case "csv", "tsv", "txt" -> CSV;
            case "jsonl", "ndjson", "json" -> JSONL;
            case "nmea", "nma", "log" -> NMEA;
            case "gpx" -> GPX;
            default -> null;
        };
    }
}
