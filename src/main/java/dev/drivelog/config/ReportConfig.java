package dev.drivelog.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The {@code report:} section: how the HTML pages speak to their reader (docs/REPORT.md, "Language
 * and time zone").
 *
 * @param language {@code auto} (the browser's language, English when it is neither English nor
 *                 Japanese), {@code en} or {@code ja}
 * @param timeZone {@code auto} (the browser's time zone) or a zone id such as {@code Asia/Tokyo} or {@code UTC}
 */
public record ReportConfig(String language, String timeZone) {
    public static final String AUTO = "auto";
    public static final java.util.List<String> LANGUAGES = java.util.List.of(AUTO, "en", "ja");

    public static final ReportConfig DEFAULTS = new ReportConfig(AUTO, AUTO);

    public ReportConfig {
        language = language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("report.language must be one of " + LANGUAGES + ", got '" + language + "'");
        }
        if (!timeZone.equals(AUTO)) {
            zoneOf(timeZone);
        }
    }

    public static ReportConfig from(ConfigSection section) {
        String language = section.stringValue("language", DEFAULTS.language);
        String timeZone = section.stringValue("time_zone", DEFAULTS.timeZone);
        if (!LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(section.keyPath("language"), "must be one of " + String.join(", ", LANGUAGES)
                    + ", got '" + language + "'");
        }
        if (!timeZone.equals(AUTO)) {
            try {
                zoneOf(timeZone);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(section.keyPath("time_zone"), e.getMessage());
            }
        }
        section.refuseUnknownKeys();
        return new ReportConfig(language, timeZone);
    }

    /** The configured zone, or {@code fallback} when it is {@code auto}. */
    public ZoneId zoneOr(ZoneId fallback) {
        return timeZone.equals(AUTO) ? fallback : zoneOf(timeZone);
    }

    private static ZoneId zoneOf(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time zone (auto, UTC, Asia/Tokyo, +09:00 ...)");
        }
    }
}
