package dev.drivelog.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites the simulator's trips ({@code drivelog-simulate}: one CSV per trip, {@code
 * time,lat,lon,speed,heading,accuracy}, speed in m/s) in the other formats drivelog reads, for
 * bench/analyze-e2e.sh (not a test). The fixes stay the same; only their notation changes:
 * <ul>
 * <li>{@code each FORMAT OUT_DIR TRIP.csv...}: one file per trip (single vehicle);</li>
 * <li>{@code fleet FORMAT OUT_FILE VEHICLES TRIP.csv...}: every trip in one file. CSV and JSON Lines
 *     as a fleet's daily dump: trip k is driven by vehicle {@code k mod VEHICLES} in round
 *     {@code k / VEHICLES} (an hour apart, vehicles staggered by 7 s), rows sorted by time, so that
 *     VEHICLES trips are open at once. GPX (one track segment per trip) and NMEA are one receiver's
 *     log: the trips one after another, an hour apart as simulated.</li>
 * </ul>
 * Notation per format: CSV {@code vehicle_id,time,lat,lon,speed,heading,accuracy} (the simulator's own
 * text); JSON Lines in Traccar's shape ({@code deviceId, fixTime, latitude, longitude, speed} in knots,
 * {@code course, accuracy}); GPX 1.0 ({@code <time>, <speed>} m/s, {@code <course>, <hdop>});
 * NMEA 0183 GGA (with HDOP) + RMC (knots, course, date) per fix. Accuracy travels as HDOP in GPX and
 * NMEA: accuracy / logs.hdop_uere_meters (5 m by default), which the readers turn back.
 */
public final class SimulatedLogFormats {
    private static final double HDOP_UERE_METERS = 5.0;
    private static final double KNOTS_PER_MPS = 3600.0 / 1852.0;
    private static final DateTimeFormatter NMEA_TIME = DateTimeFormatter.ofPattern("HHmmss.SS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NMEA_DATE = DateTimeFormatter.ofPattern("ddMMyy").withZone(ZoneOffset.UTC);

    private SimulatedLogFormats() {
    }

    /** One simulated fix as text, with its time parsed. */
    private record Fix(long epochMillis, String lat, String lon, String speed, String heading, String accuracy) {
        Fix at(long millis) {
            return new Fix(millis, lat, lon, speed, heading, accuracy);
        }
    }

    /** A fix of a vehicle, for the fleet dumps. */
    private record Row(String vehicle, Fix fix) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("each")) {
            Path outDir = Path.of(args[2]);
            Files.createDirectories(outDir);
            for (int i = 3; i < args.length; i++) {
                Path trip = Path.of(args[i]);
                String stem = trip.getFileName().toString().replaceFirst("\\.csv$", "");
                List<Fix> fixes = read(trip);
                try (Writer out = writer(outDir.resolve(stem + "." + extension(args[1])))) {
                    writeSingleVehicle(args[1], out, List.of(fixes));
                }
            }
        } else if (args.length >= 4 && args[0].equals("fleet")) {
            int vehicles = Integer.parseInt(args[3]);
            List<List<Fix>> trips = new ArrayList<>();
            for (int i = 4; i < args.length; i++) {
                trips.add(read(Path.of(args[i])));
            }
            try (Writer out = writer(Path.of(args[2]))) {
                if (args[1].equals("csv") || args[1].equals("jsonl")) {
                    writeFleet(args[1], out, trips, vehicles);
                } else {
                    writeSingleVehicle(args[1], out, trips);
                }
            }
        } else {
            System.err.println("usage: SimulatedLogFormats each FORMAT OUT_DIR TRIP.csv... "
                    + "| fleet FORMAT OUT_FILE VEHICLES TRIP.csv...   (FORMAT: csv, jsonl, gpx, nmea)");
            System.exit(2);
        }
    }

    private static String extension(String format) {
        return switch (format) {
            case "csv", "jsonl", "gpx", "nmea" -> format;
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static List<Fix> read(Path trip) throws IOException {
        List<String> lines = Files.readAllLines(trip, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals("time,lat,lon,speed,heading,accuracy")) {
            throw new IOException(trip + ": not a drivelog-simulate trip (header " + (lines.isEmpty() ? "missing" : lines.getFirst()) + ")");
        }
        List<Fix> fixes = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            fixes.add(new Fix(Instant.parse(f[0]).toEpochMilli(), f[1], f[2], f[3], f[4], f[5]));
        }
        return fixes;
    }

    private static void writeFleet(String format, Writer out, List<List<Fix>> trips, int vehicles) throws IOException {
        List<Row> rows = new ArrayList<>();
        long base = trips.getFirst().getFirst().epochMillis();
        for (int k = 0; k < trips.size(); k++) {
            List<Fix> trip = trips.get(k);
            long start = base + (long) (k / vehicles) * 3_600_000 + (long) (k % vehicles) * 7_000;
            long simulatedStart = trip.getFirst().epochMillis();
            String vehicle = "veh-" + (1000 + k % vehicles);
            for (Fix fix : trip) {
                rows.add(new Row(vehicle, fix.at(start + fix.epochMillis() - simulatedStart)));
            }
        }
        rows.sort(Comparator.comparingLong(row -> row.fix().epochMillis())); // stable: a vehicle's rows keep their order
        if (format.equals("csv")) {
            out.write("vehicle_id,time,lat,lon,speed,heading,accuracy\n");
        }
        for (Row row : rows) {
            Fix f = row.fix();
            if (format.equals("csv")) {
                out.write(row.vehicle() + "," + Instant.ofEpochMilli(f.epochMillis()) + "," + f.lat() + "," + f.lon() + ","
                        + f.speed() + "," + f.heading() + "," + f.accuracy() + "\n");
            } else {
                jsonLine(out, row.vehicle().substring(4), f);
            }
        }
    }

    private static void writeSingleVehicle(String format, Writer out, List<List<Fix>> trips) throws IOException {
        switch (format) {
            case "csv" -> out.write("time,lat,lon,speed,heading,accuracy\n");
            case "gpx" -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<gpx version=\"1.0\" creator=\"drivelog SimulatedLogFormats\" xmlns=\"http://www.topografix.com/GPX/1/0\">\n<trk>\n");
            default -> { }
        }
        for (List<Fix> trip : trips) {
            if (format.equals("gpx")) {
                out.write("<trkseg>\n");
            }
            for (Fix f : trip) {
                switch (format) {
                    case "csv" -> out.write(Instant.ofEpochMilli(f.epochMillis()) + "," + f.lat() + "," + f.lon() + ","
                            + f.speed() + "," + f.heading() + "," + f.accuracy() + "\n");
                    case "jsonl" -> jsonLine(out, "1", f);
                    case "gpx" -> gpxPoint(out, f);
                    case "nmea" -> nmeaEpoch(out, f);
                    default -> throw new IllegalArgumentException("unknown format " + format);
                }
            }
            if (format.equals("gpx")) {
                out.write("</trkseg>\n");
            }
        }
        if (format.equals("gpx")) {
            out.write("</trk>\n</gpx>\n");
        }
    }

    private static void jsonLine(Writer out, String deviceId, Fix f) throws IOException {
        out.write("{\"deviceId\":" + deviceId + ",\"fixTime\":\"" + Instant.ofEpochMilli(f.epochMillis())
                + "\",\"valid\":true,\"latitude\":" + f.lat() + ",\"longitude\":" + f.lon()
                + optional(",\"speed\":", f.speed(), KNOTS_PER_MPS, "%.3f") + optional(",\"course\":", f.heading(), 1, "%s")
                + optional(",\"accuracy\":", f.accuracy(), 1, "%s") + "}\n");
    }

    private static void gpxPoint(Writer out, Fix f) throws IOException {
        out.write("<trkpt lat=\"" + f.lat() + "\" lon=\"" + f.lon() + "\"><time>" + Instant.ofEpochMilli(f.epochMillis())
                + "</time>" + element("course", f.heading(), 1, "%s") + element("speed", f.speed(), 1, "%s")
                + element("hdop", f.accuracy(), 1 / HDOP_UERE_METERS, "%.2f") + "</trkpt>\n");
    }

    private static void nmeaEpoch(Writer out, Fix f) throws IOException {
        Instant time = Instant.ofEpochMilli(f.epochMillis());
        String clock = NMEA_TIME.format(time);
        String position = nmeaLatitude(Double.parseDouble(f.lat())) + "," + nmeaLongitude(Double.parseDouble(f.lon()));
        String hdop = f.accuracy().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(f.accuracy()) / HDOP_UERE_METERS);
        sentence(out, "GPGGA," + clock + "," + position + ",1,09," + hdop + ",34.0,M,40.0,M,,");
        String knots = f.speed().isEmpty() ? "" : String.format(Locale.ROOT, "%.3f", Double.parseDouble(f.speed()) * KNOTS_PER_MPS);
        sentence(out, "GPRMC," + clock + ",A," + position + "," + knots + "," + f.heading() + "," + NMEA_DATE.format(time) + ",,,A");
    }

    private static String nmeaLatitude(double degrees) {
        return nmeaAngle(Math.abs(degrees), "%02d%09.6f") + (degrees < 0 ? ",S" : ",N");
    }

    private static String nmeaLongitude(double degrees) {
        return nmeaAngle(Math.abs(degrees), "%03d%09.6f") + (degrees < 0 ? ",W" : ",E");
    }

    /** Degrees and minutes to 1e-6 minute; rounded as a whole so that 59.9999996' carries into the degree. */
    private static String nmeaAngle(double degrees, String pattern) {
        long microMinutes = Math.round(degrees * 60e6);
        return String.format(Locale.ROOT, pattern, microMinutes / 60_000_000, (microMinutes % 60_000_000) / 1e6);
    }

    private static void sentence(Writer out, String body) throws IOException {
        int checksum = 0;
        for (int i = 0; i < body.length(); i++) {
            checksum ^= body.charAt(i);
        }
        out.write("$" + body + "*" + String.format("%02X", checksum) + "\r\n");
    }

    private static String optional(String prefix, String value, double factor, String pattern) {
        return value.isEmpty() ? "" : prefix + scaled(value, factor, pattern);
    }

    private static String element(String name, String value, double factor, String pattern) {
        return value.isEmpty() ? "" : "<" + name + ">" + scaled(value, factor, pattern) + "</" + name + ">";
    }

    private static String scaled(String value, double factor, String pattern) {
        return factor == 1 ? value : String.format(Locale.ROOT, pattern, Double.parseDouble(value) * factor);
    }
}
