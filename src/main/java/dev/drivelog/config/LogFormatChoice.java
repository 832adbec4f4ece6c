package dev.drivelog.config;

/** The drive-log format to assume: {@code AUTO} detects it from the content (then the file name). */
public enum LogFormatChoice {
    AUTO, CSV, JSONL, NMEA, GPX
}
