package dev.drivelog.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The styles, scripts and labels the pages inline, from {@code /report/} on the class path. */
public final class ReportResources {
    private ReportResources() {}

    /** The resource's text (UTF-8); a missing one is a packaging error, not bad input. */
    public static String text(String name) {
        try (InputStream in = ReportResources.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report resource /report/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading report resource " + name, e);
        }
    }
}
