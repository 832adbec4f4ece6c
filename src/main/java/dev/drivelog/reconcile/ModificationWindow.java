package dev.drivelog.reconcile;

import java.time.Instant;

/**
 * Which inputs a reconcile pass looks at, by last-modified time: from {@code from} (inclusive) to
 * {@code until} (exclusive); null means unbounded on that side. The scheduled pass leaves out the
 * newest inputs (their notifications are normally still on the way) and the old ones (earlier passes
 * checked them), so that each input is checked by a few passes, not by every one.
 */
public record ModificationWindow(Instant from, Instant until) {
    /** Every input. */
    public static final ModificationWindow ALL = new ModificationWindow(null, null);

    public ModificationWindow {
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("modification window ends (" + until + ") before it starts (" + from + ")");
        }
    }

    /** Inputs modified at or after {@code from} (null: all). */
    public static ModificationWindow since(Instant from) {
        return new ModificationWindow(from, null);
    }

    /** True when {@code lastModified} lies in the window; an unknown time counts as inside (check rather than miss). */
    boolean contains(Instant lastModified) {
        if (lastModified == null) {
            return true;
        }
        return (from == null || !lastModified.isBefore(from)) && (until == null || lastModified.isBefore(until));
    }
}
