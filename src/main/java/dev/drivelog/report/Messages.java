package dev.drivelog.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.config.ReportConfig;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The labels of the HTML pages in each language ({@code /report/messages_<language>.properties}), and
 * how a page is told its reader's language and time zone: the server writes the page in one
 * language and zone, marks every label ({@code data-i18n}) and time ({@code <time data-epoch>}), and
 * {@code i18n.js} re-labels and re-formats in the browser's language or zone when the configuration
 * says {@code auto} (docs/REPORT.md, "Language and time zone"). Immutable; thread safe.
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("en", "ja");
    private static final Map<String, Map<String, String>> BY_LANGUAGE = load();
    private static final String SCRIPT = ReportResources.text("i18n.js");

    private final String language;
    private final ZoneId zone;
    private final ReportConfig config;

    private Messages(ReportConfig config, String language, ZoneId zone) {
        this.config = config;
        this.language = language;
        this.zone = zone;
    }

    /**
     * The page's server-side language and zone: the configured ones, English and {@code autoZone}
     * where the configuration says {@code auto} (the browser then decides).
     */
    public static Messages of(ReportConfig config, ZoneId autoZone) {
        return new Messages(config, config.language().equals(ReportConfig.AUTO) ? "en" : config.language(), config.zoneOr(autoZone));
    }

    /** English in UTC, the browser deciding both: what a page without configuration gets. */
    public static Messages defaults() {
        return of(ReportConfig.DEFAULTS, ZoneOffset.UTC);
    }

    public String language() {
        return language;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The label, or {@code fallback} when no language has the key (a finding type the page does not know yet). */
    public String text(String key, String fallback) {
        String text = BY_LANGUAGE.get(language).get(key);
        return text != null ? text : BY_LANGUAGE.get("en").getOrDefault(key, fallback);
    }

    public String text(String key) {
        return text(key, key);
    }

    /** The label as a span the browser can re-label. */
    public String label(String key) {
        return label(key, key);
    }

    public String label(String key, String fallback) {
        return "<span data-i18n=\"" + Html.escape(key) + "\">" + Html.escape(text(key, fallback)) + "</span>";
    }

    /** The attribute that lets the browser re-label an element holding only the label of {@code key}. */
    public static String attribute(String key) {
        return " data-i18n=\"" + Html.escape(key) + "\"";
    }

    /** A time in the page's zone and language, in an element the browser re-formats for its reader. */
    public String time(double epochSeconds) {
        return timeElement(epochSeconds, "datetime");
    }

    /** A day (no time of day), like {@link #time}. */
    public String date(double epochSeconds) {
        return timeElement(epochSeconds, "date");
    }

    /** A time of day ({@code 08:05:00}), like {@link #time}. */
    public String clock(double epochSeconds) {
        return timeElement(epochSeconds, "clock");
    }

    private String timeElement(double epochSeconds, String format) {
        if (!Double.isFinite(epochSeconds)) {
            return "-";
        }
        Instant instant = Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
        String day = language.equals("ja") ? "uuuu/MM/dd" : "uuuu-MM-dd";
        String pattern = switch (format) {
            case "date" -> day;
            case "clock" -> "HH:mm:ss";
            default -> day + " HH:mm:ss zzz";
        };
        String text = DateTimeFormatter.ofPattern(pattern, language.equals("ja") ? Locale.JAPAN : Locale.UK).withZone(zone).format(instant);
        return "<time datetime=\"" + instant + "\" data-epoch=\"" + (long) Math.floor(epochSeconds) + "\" data-format=\"" + format
                + "\">" + Html.escape(text) + "</time>";
    }

    /**
     * The page's language settings and every label in every language, as an inert JSON block, then the
     * script that applies them; put it at the end of the body.
     */
    public String script() {
        ObjectNode settings = new ObjectMapper().createObjectNode();
        settings.put("language", config.language());
        settings.put("timeZone", config.timeZone().equals(ReportConfig.AUTO) ? ReportConfig.AUTO : zone.getId());
        settings.put("rendered", language);
        ObjectNode messages = settings.putObject("messages");
        BY_LANGUAGE.forEach((lang, texts) -> {
            ObjectNode node = messages.putObject(lang);
            texts.forEach(node::put);
        });
        // "</" cannot end the block early: every '<' of the JSON is written as \u003c.
        String json = settings.toString().replace("<", "\\u003c");
        return "<script type=\"application/json\" id=\"i18n-settings\">" + json + "</script>\n<script>\n" + SCRIPT + "</script>\n";
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(ReportResources.text("messages_" + language + ".properties")));
            } catch (IOException e) {
                throw new UncheckedIOException("reading the " + language + " labels", e);
            }
            Map<String, String> texts = new TreeMap<>();
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
            all.put(language, java.util.Collections.unmodifiableMap(texts));
        }
        // Ordered (not Map.copyOf, whose iteration order changes from run to run): the labels are written
        // into every page, and the same input must give the same bytes (a redelivery overwrites them).
        return java.util.Collections.unmodifiableMap(all);
    }
}
