package dev.drivelog.demo;

/**
 * Trouble the demo makes on purpose, to show the pipeline recovering from it.
 *
 * @param dropNotifications      share of S3 notifications never sent (S3 rarely loses one)
 * @param duplicateNotifications share of S3 notifications sent twice (S3 and SQS deliver at least once)
 * @param s3FaultRate            share of the pipeline's S3 HTTP attempts given a fault ({@link dev.drivelog.faults.FaultInjector})
 * @param sqsFaultRate           share of the queue consumer's SQS HTTP attempts (receive, delete) given a fault
 * @param reconcile              after the queue drains, run reconcile to enqueue inputs without results, and drain again
 * @param seed                   seeds the drop/duplicate choices and the fault injectors
 */
public record DemoFaults(double dropNotifications, double duplicateNotifications, double s3FaultRate, double sqsFaultRate,
        boolean reconcile, long seed) {
    /** No trouble beyond the one duplicate notification every demo run sends. */
    public static final DemoFaults NONE = new DemoFaults(0, 0, 0, 0, false, 1);

    public DemoFaults {
        check("drop-notifications", dropNotifications);
        check("duplicate-notifications", duplicateNotifications);
        check("s3-fault-rate", s3FaultRate);
        check("sqs-fault-rate", sqsFaultRate);
    }

    /** Without SQS faults. */
    public DemoFaults(double dropNotifications, double duplicateNotifications, double s3FaultRate, boolean reconcile,
            long seed) {
        this(dropNotifications, duplicateNotifications, s3FaultRate, 0, reconcile, seed);
    }

    private static void check(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("--" + name + " must be 0..1, got " + share);
        }
    }
}
