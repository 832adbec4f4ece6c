package dev.drivelog.cli;

import dev.drivelog.timezones.MapAreaTimeZones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drivelog map ...}: build, inspect and synthesise reference maps (all native work). */
@Command(
        name = "map",
        mixinStandardHelpOptions = true,
        description = "Build, inspect and synthesise reference maps.",
        subcommands = {MapCommand.Build.class, MapCommand.Info.class, MapCommand.Synth.class})
public final class MapCommand {

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build a map file from OpenStreetMap data (.osm.pbf, .osm, .osm.gz, .osm.bz2).")
    static final class Build implements Callable<Integer> {
        @Option(names = "--osm", required = true, paramLabel = "FILE", description = "OpenStreetMap input file.")
        Path osm;

        @Option(names = "--out", required = true, paramLabel = "MAP", description = "Map file to write.")
        Path out;

        @Option(names = "--country", paramLabel = "CC",
                description = "ISO 3166 code (DE, US-PA) whose legal defaults apply everywhere (default: each road's own, from its position).")
        String country;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Reference data directory instead of the built-in data/ (legal_default_speeds.json, country_boundaries_180x90.ser, date_effective_rules.json).")
        Path data;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("build", "--osm", osm.toString(), "--out", out.toString()));
            if (country != null) {
                args.addAll(List.of("--country", country));
            }
            if (data != null) {
                args.addAll(List.of("--data", data.toString()));
            }
            Path zonesFile = out.resolveSibling(out.getFileName() + ".time-zones.tmp");
            try {
                MapAreaTimeZones.write(osm, zonesFile, System.err)
                        .ifPresent(zones -> args.addAll(List.of("--time-zones", zones.toString())));
                return NativeTool.run("drivelog-map", args);
            } finally {
                try {
                    Files.deleteIfExists(zonesFile);
                } catch (IOException e) {
                    System.err.println("drivelog map build: could not remove " + zonesFile + ": " + e.getMessage());
                }
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print a map file's header and counts as JSON; exit 2 if the file is damaged or of another version.")
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "MAP", description = "Map file.")
        Path map;

        @Option(names = "--verify", description = "Also check every section's checksum (reads the whole file).")
        boolean verify;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("info", map.toString()));
            if (verify) {
                args.add("--verify");
            }
            return NativeTool.run("drivelog-map", args);
        }
    }

    @Command(name = "synth", mixinStandardHelpOptions = true,
            description = "Write a synthetic region as an OSM PBF file: towns, arterials, rural roads, motorways; deterministic by seed.")
    static final class Synth implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", defaultValue = "small",
                description = "small | city | country (a map of >= 3 GB) | a target map size in bytes, e.g. 500M or 4G (default: ${DEFAULT-VALUE}).")
        String scale;

        @Option(names = "--out", required = true, paramLabel = "FILE.osm.pbf", description = "PBF file to write.")
        Path out;

        @Option(names = "--threads", paramLabel = "N",
                description = "Compression threads for the PBF writer (default: libosmium's, cores minus two, at least one).")
        Integer threads;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(
                    List.of("--seed", Long.toString(seed), "--scale", scale, "--out", out.toString()));
            if (threads != null) {
                args.addAll(List.of("--threads", threads.toString()));
            }
            return NativeTool.run("drivelog-synth", args);
        }
    }
}
