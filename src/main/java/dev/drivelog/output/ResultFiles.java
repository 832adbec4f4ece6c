package dev.drivelog.output;

import dev.drivelog.analysis.result.Violation;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the result files of one input as its trips come: {@code summary.json},
 * {@code violations.geojson} and the Athena JSON Lines of violations and of trips (docs/OUTPUTS.md). Memory holds one trip at a
 * time plus counters. Not thread safe: feed it from one thread, in the order the trips should appear.
 * The files are complete only after {@link #finish}; after a failure, abandon the instance (the sink
 * leaves no partial files).
 */
public final class ResultFiles {
    private final SummaryJsonWriter summary;
    private final ViolationsGeoJsonWriter geoJson;
    private final AthenaViolationsWriter athena;
    private final AthenaTripsWriter trips;
    private final EncodedColumns columns = new EncodedColumns();
    private final String input;
    private final InputTotals totals = new InputTotals();

    /**
     * Opens the files.
     *
     * @param input   the input's name, written into every file
     * @param matched also write the matched path into the GeoJSON (the results must then carry it)
     */
    public ResultFiles(OutputSink sink, String input, boolean matched) throws IOException {
        this.summary = new SummaryJsonWriter(sink.open(SummaryJsonWriter.FILE_NAME, SummaryJsonWriter.CONTENT_TYPE), input);
        this.geoJson = new ViolationsGeoJsonWriter(
                sink.open(ViolationsGeoJsonWriter.FILE_NAME, ViolationsGeoJsonWriter.CONTENT_TYPE), input, matched);
        this.athena = new AthenaViolationsWriter(sink);
        this.input = input;
        this.trips = new AthenaTripsWriter(sink, input);
    }

    public void write(TripOutcome outcome) throws IOException {
        totals.add(outcome);
        summary.write(outcome);
        if (!outcome.failed()) {
            findings(outcome, ViolationColumns.VIOLATION, outcome.result().violations());
            findings(outcome, ViolationColumns.EVENT, outcome.result().events());
            geoJson.writeMatched(outcome);
        }
        trips.write(outcome);
    }

    /** Each finding's columns encoded once, for its GeoJSON point and its Athena row alike. */
    private void findings(TripOutcome outcome, String category, List<Violation> findings) throws IOException {
        for (Violation finding : findings) {
            columns.encode(input, outcome.vehicleId(), outcome.tripId(), category, finding);
            geoJson.writePoint(category, finding, columns);
            athena.write(finding, columns);
        }
    }

    /**
     * Completes every file.
     *
     * @param problems the input's problems to record in the summary (skipped lines, failed trips)
     * @return the files written: plain names, and {@code violations/dt=...}, {@code trip_summaries/dt=...} for the dataset parts
     */
    public List<String> finish(List<String> problems) throws IOException {
        columns.close();
        summary.finish(totals, problems);
        geoJson.finish();
        List<String> written = new ArrayList<>(List.of(SummaryJsonWriter.FILE_NAME, ViolationsGeoJsonWriter.FILE_NAME));
        written.addAll(athena.finish());
        written.addAll(trips.finish());
        return written;
    }

    public int trips() {
        return totals.trips;
    }

    public int failedTrips() {
        return totals.failedTrips;
    }

    public long points() {
        return totals.points;
    }

    public Map<String, Integer> violationsByType() {
        return Map.copyOf(totals.violationsByType);
    }
}
