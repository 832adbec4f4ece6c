package dev.drivelog.timezones;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The time zones of a map's area as the native map builder stores them (map/time_zone_file.hpp):
 * the zone of every cell of a grid over the area, and each zone's UTC offsets from 2000 to 2100
 * from java.time's tz rules. Zones come from a lookup by position (timeshape's polygons in
 * {@link TimeshapeZones}). Zones whose offsets are the same over those years are one zone here
 * (Europe/Paris and Europe/Berlin: the first seen names it): their borders change no local time, and
 * following them would cost lookups at 1-6 ms each. Cells are 0.01 degree (about 1 km), coarser for
 * large areas so that a grid holds at most {@value #MAX_CELLS} cells. The grid is filled block by
 * block: a block whose corners and centre lie in one zone is taken as that zone, else split, down to
 * single cells; a block is at most 64 x 64 cells (0.64 degree), so a zone narrower than that can
 * only be missed where it touches none of the five points of a block (docs/SPEED_LIMITS.md).
 */
public final class TimeZoneGrid {
    static final int MAX_CELLS = 4_000_000;
    static final double FINEST_CELL_DEG = 0.01;
    private static final int MAX_BLOCK = 64;
    // Drive logs are of this century; before 2000 the offsets of 2000 are taken (EU summer time, for
    // one, was only harmonised in 1996).
    private static final Instant FIRST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2100-01-01T00:00:00Z");

    private final AreaBox grid;
    private final double cellDeg;
    private final int rows;
    private final int cols;
    private final BiFunction<Double, Double, ZoneId> zoneAt;
    private final Map<String, Integer> zoneIndex = new LinkedHashMap<>();  // offsets (as text) -> index
    private final List<ZoneId> zoneNames = new ArrayList<>();             // by index: the first zone seen
    private final Map<ZoneId, String> offsetKeys = new HashMap<>();
    private final int[] cells;
    private final Map<Long, Integer> cellZones = new HashMap<>();  // a cell's zone, each looked up once
    private int lookups;

    /** @param zoneAt the zone of (lat, lon); never null (the caller decides what open sea is) */
    public TimeZoneGrid(AreaBox area, BiFunction<Double, Double, ZoneId> zoneAt) {
        this.zoneAt = zoneAt;
        double spanLat = area.maxLat() - area.minLat() + 2 * FINEST_CELL_DEG;
        double spanLon = area.maxLon() - area.minLon() + 2 * FINEST_CELL_DEG;
        this.cellDeg = Math.max(FINEST_CELL_DEG, Math.sqrt(spanLat * spanLon / MAX_CELLS) * 1.001);
        this.rows = Math.max(1, (int) Math.ceil(spanLat / cellDeg));
        this.cols = Math.max(1, (int) Math.ceil(spanLon / cellDeg));
        this.grid = new AreaBox(Math.max(-90, area.minLat() - FINEST_CELL_DEG), Math.max(-180, area.minLon() - FINEST_CELL_DEG),
                Math.min(90, area.minLat() - FINEST_CELL_DEG + rows * cellDeg), Math.min(180, area.minLon() - FINEST_CELL_DEG + cols * cellDeg));
        this.cells = new int[rows * cols];
        for (int r = 0; r < rows; r += MAX_BLOCK) {
            for (int c = 0; c < cols; c += MAX_BLOCK) {
                fill(r, c, Math.min(rows, r + MAX_BLOCK), Math.min(cols, c + MAX_BLOCK));
            }
        }
    }

    /** The zone names in index order. */
    public List<ZoneId> zones() {
        return List.copyOf(zoneNames);
    }

    /** The zone of the cell containing (lat, lon), clamped to the grid. */
    public ZoneId zoneOf(double lat, double lon) {
        int r = Math.clamp((int) Math.floor((lat - grid.minLat()) / cellDeg), 0, rows - 1);
        int c = Math.clamp((int) Math.floor((lon - grid.minLon()) / cellDeg), 0, cols - 1);
        return zones().get(cells[r * cols + c]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Position lookups the grid took (the cost of building it). */
    public int lookups() {
        return lookups;
    }

    /** Writes the file `drivelog-map build --time-zones` reads; `source` says where the zones came from. */
    public void write(Path file, String source) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("drivelog-time-zones 1\n");
            out.write("source " + source.replace('\n', ' ') + "\n");
            out.write("grid " + e7(grid.minLat()) + " " + e7(grid.minLon()) + " " + e7(cellDeg) + " " + e7(cellDeg) + " "
                    + rows + " " + cols + "\n");
            out.write("zones " + zoneNames.size() + "\n");
            for (ZoneId zone : zoneNames) {
                List<long[]> offsets = offsets(zone.getRules());
                out.write("zone " + zone.getId() + " " + offsets.size() + "\n");
                for (int i = 0; i < offsets.size(); i++) {
                    out.write((i == 0 ? "min" : Long.toString(offsets.get(i)[0])) + " " + offsets.get(i)[1] + "\n");
                }
            }
            out.write("cells");
            int i = 0;
            while (i < cells.length) {
                int j = i;
                while (j < cells.length && cells[j] == cells[i]) {
                    j++;
                }
                out.write(" " + cells[i] + "x" + (j - i));
                i = j;
            }
            out.write("\n");
        }
    }

    /** (utc_seconds, offset_seconds): the offset in force in 1970, then every transition until 2100. */
    static List<long[]> offsets(ZoneRules rules) {
        List<long[]> out = new ArrayList<>();
        out.add(new long[] {Long.MIN_VALUE, rules.getOffset(FIRST).getTotalSeconds()});
        ZoneOffsetTransition t = rules.nextTransition(FIRST);
        while (t != null && t.getInstant().isBefore(LAST)) {
            out.add(new long[] {t.getInstant().getEpochSecond(), t.getOffsetAfter().getTotalSeconds()});
            t = rules.nextTransition(t.getInstant());
        }
        return out;
    }

    // A block [r0, r1) x [c0, c1) is sampled at the cells on its corners *and* at the first cells of
    // the next blocks, which its neighbours share: about two lookups a block where nothing changes.
    private void fill(int r0, int c0, int r1, int c1) {
        int a = zoneOfCell(r0, c0);
        if (r1 - r0 == 1 && c1 - c0 == 1) {
            cells[r0 * cols + c0] = a;
            return;
        }
        int rEnd = Math.min(r1, rows - 1);
        int cEnd = Math.min(c1, cols - 1);
        boolean uniform = a == zoneOfCell(r0, cEnd) && a == zoneOfCell(rEnd, c0) && a == zoneOfCell(rEnd, cEnd)
                && a == zoneOfCell((r0 + r1) / 2, (c0 + c1) / 2);
        if (uniform) {
            for (int r = r0; r < r1; r++) {
                Arrays.fill(cells, r * cols + c0, r * cols + c1, a);
            }
            return;
        }
        int rm = (r0 + r1 + 1) / 2;
        int cm = (c0 + c1 + 1) / 2;
        fill(r0, c0, rm, cm);
        if (cm < c1) {
            fill(r0, cm, rm, c1);
        }
        if (rm < r1) {
            fill(rm, c0, r1, cm);
            if (cm < c1) {
                fill(rm, cm, r1, c1);
            }
        }
    }

    private int zoneOfCell(int r, int c) {
        return cellZones.computeIfAbsent((long) r * cols + c, k -> {
            lookups++;
            ZoneId zone = zoneAt.apply(grid.minLat() + (r + 0.5) * cellDeg, grid.minLon() + (c + 0.5) * cellDeg);
            String offsets = offsetKeys.computeIfAbsent(zone, z -> {
                StringBuilder key = new StringBuilder();
                for (long[] o : offsets(z.getRules())) {
                    key.append(o[0]).append(':').append(o[1]).append(' ');
                }
                return key.toString();
            });
            return zoneIndex.computeIfAbsent(offsets, newKey -> {
                zoneNames.add(zone);
                return zoneNames.size() - 1;
            });
        });
    }

    private static long e7(double degrees) {
        return Math.round(degrees * 1e7);
    }
}
