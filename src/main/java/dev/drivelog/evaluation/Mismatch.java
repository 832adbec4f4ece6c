package dev.drivelog.evaluation;

/**
 * One violation left unpaired by the evaluation: a true one the results missed, a true one missed
 * that a receiver gap hides (unobservable), or a found one with no true counterpart (a false
 * alarm). Times in seconds since the epoch.
 */
public record Mismatch(String tripId, Kind kind, String type, double startTime, double endTime) {
    /** Which side the unpaired violation is on. */
    public enum Kind {
        MISSED("missed"), UNOBSERVABLE("unobservable"), FALSE_ALARM("false_alarm");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
