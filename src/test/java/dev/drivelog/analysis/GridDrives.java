package dev.drivelog.analysis;

import dev.drivelog.analysis.ffm.NativeMap;
import dev.drivelog.logs.Trip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives over the invented road grid of {@code src/test/resources/bindings/grid.osm} (drawn there),
 * and that grid built into a map file with the real {@code drivelog-map} tool, once per test JVM.
 * Drives are sampled at 1 Hz with exact positions and reported speeds.
 */
public final class GridDrives {
    public static final double ROW_0 = 52.5000;
    public static final double ROW_1 = 52.5018;
    public static final double ROW_2 = 52.5036;
    public static final double COL_0 = 13.4000;
    public static final double COL_1 = 13.4060;
    public static final double COL_2 = 13.4120;
    public static final double START = 1795161600.0;

    private static Path map;

    private GridDrives() {}

    /** The grid as a map file (built on first use under target/test-maps). */
    public static synchronized Path map() throws IOException, InterruptedException {
        if (map == null) {
            Path dir = Path.of(System.getProperty("drivelog.repo.dir", "."), "target", "test-maps");
            Files.createDirectories(dir);
            Path osm = dir.resolve("grid.osm");
            try (InputStream in = GridDrives.class.getResourceAsStream("/bindings/grid.osm")) {
                Files.copy(in, osm, StandardCopyOption.REPLACE_EXISTING);
            }
            map = buildMap(osm, dir.resolve("grid.dlmap"));
        }
        return map;
    }

    /**
     * Builds the test resource {@code /osm/NAME.osm} into {@code target/test-maps/NAME.dlmap} with the real
     * {@code drivelog-map} tool; returns the map file.
     */
    public static Path buildOsmResource(String name) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("drivelog.repo.dir", "."), "target", "test-maps");
        Files.createDirectories(dir);
        Path osm = dir.resolve(name + ".osm");
        try (InputStream in = GridDrives.class.getResourceAsStream("/osm/" + name + ".osm")) {
            Files.copy(in, osm, StandardCopyOption.REPLACE_EXISTING);
        }
        return buildMap(osm, dir.resolve(name + ".dlmap"));
    }

    /** Builds {@code osm} into the map file {@code out} with the real {@code drivelog-map} tool; returns {@code out}. */
    public static Path buildMap(Path osm, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(NativeLocation.tool("drivelog-map").toString(), "build",
                "--osm", osm.toString(), "--out", out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("drivelog-map build failed: " + output);
        }
        return out;
    }

    /** Several drives, each meant to show one thing: speeding, wrong way, a rolled stop, clean driving. */
    public static List<Trip> trips() {
        return List.of(
                drive("speeding-hauptstrasse", START, 17.0, new double[][] {{ROW_0, COL_0}, {ROW_0, COL_2}}),
                drive("wrong-way-einbahnstrasse", START + 3600, 11.0, new double[][] {{ROW_1, COL_2}, {ROW_1, COL_0}}),
                drive("rolled-stop-mittelweg", START + 7200, 10.0, new double[][] {{ROW_0, COL_1}, {ROW_2, COL_1}}),
                drive("clean-westweg", START + 10800, 10.0, new double[][] {{ROW_0, COL_0}, {ROW_2, COL_0}}),
                drive("clean-nordstrasse-east", START + 14400, 12.0, new double[][] {{ROW_2, COL_0}, {ROW_2, COL_2}}));
    }

    /** The trips as one CSV log (epoch-second times, reported speed, heading and accuracy), each trip's vehicle as given. */
    public static byte[] csv(List<Trip> trips) {
        StringBuilder text = new StringBuilder("vehicle_id,time,lat,lon,speed,heading,accuracy\n");
        for (Trip trip : trips) {
            for (int i = 0; i < trip.count(); i++) {
                text.append(String.format(Locale.ROOT, "%s,%.3f,%.7f,%.7f,%.2f,%.1f,%.1f%n", trip.vehicleId(),
                        trip.timeSeconds()[i], trip.lat()[i], trip.lon()[i], trip.speedMps()[i], trip.headingDeg()[i],
                        trip.accuracyMeters()[i]));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A drive along straight legs between the waypoints at a constant speed, one point per second. */
    public static Trip drive(String tripId, double startTime, double speedMps, double[][] waypoints) {
        List<double[]> points = new ArrayList<>();
        for (int leg = 0; leg + 1 < waypoints.length; leg++) {
            double[] from = waypoints[leg];
            double[] to = waypoints[leg + 1];
            double lengthMeters = metres(from, to);
            int steps = (int) Math.ceil(lengthMeters / speedMps);
            for (int step = leg == 0 ? 0 : 1; step <= steps; step++) {
                double f = Math.min(1.0, step * speedMps / lengthMeters);
                points.add(new double[] {from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1]),
                        bearing(from, to)});
            }
        }
        int n = points.size();
        double[] time = new double[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        float[] speed = new float[n];
        float[] heading = new float[n];
        float[] accuracy = new float[n];
        for (int i = 0; i < n; i++) {
            time[i] = startTime + i;
            lat[i] = points.get(i)[0];
            lon[i] = points.get(i)[1];
            speed[i] = (float) speedMps;
            heading[i] = (float) points.get(i)[2];
            accuracy[i] = 4.0f;
        }
        return new Trip("grid-car", tripId, n, time, lat, lon, speed, heading, accuracy);
    }

    private static double metres(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]) * 6_371_000;
        double dLon = Math.toRadians(b[1] - a[1]) * 6_371_000 * Math.cos(Math.toRadians((a[0] + b[0]) / 2));
        return Math.hypot(dLat, dLon);
    }

    private static double bearing(double[] a, double[] b) {
        double dLat = b[0] - a[0];
        double dLon = (b[1] - a[1]) * Math.cos(Math.toRadians(a[0]));
        return (Math.toDegrees(Math.atan2(dLon, dLat)) + 360.0) % 360.0;
    }

    /** Opens the grid map as a caller-owned map. */
    static NativeMap openMap() throws Exception {
        return NativeMap.open(map());
    }
}
