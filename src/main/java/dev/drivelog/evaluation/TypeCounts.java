package dev.drivelog.evaluation;

/**
 * Counts for one violation type over all trips. {@code unobservable}: true violations that no
 * finding paired and that a receiver gap hides in part (the log does not show them, so no engine
 * could be sure of them); recall leaves them out, {@link #recallAll()} does not.
 *
 * <p>Precision and recall are vacuously 1.0 when there is nothing to judge: with no found violations
 * nothing was claimed wrongly (precision 1), with no observable true ones nothing was missed (recall
 * 1). A detector that claims violations where none exist still gets precision 0, one that misses
 * existing ones recall 0.
 */
public record TypeCounts(long truth, long found, long matched, long unobservable) {
    public TypeCounts {
        if (truth < 0 || found < 0 || matched < 0 || unobservable < 0 || matched > truth || matched > found
                || unobservable > truth - matched) {
            throw new IllegalArgumentException("inconsistent counts: truth " + truth + ", found " + found + ", matched "
                    + matched + ", unobservable " + unobservable);
        }
    }

    /** Counts without receiver gaps (every true violation observable). */
    public TypeCounts(long truth, long found, long matched) {
        this(truth, found, matched, 0);
    }

    public static final TypeCounts ZERO = new TypeCounts(0, 0, 0);

    public double precision() {
        return found == 0 ? 1.0 : (double) matched / found;
    }

    /** Share of the observable true violations that were found. */
    public double recall() {
        long observable = truth - unobservable;
        return observable == 0 ? 1.0 : (double) matched / observable;
    }

    /** Share of all true violations that were found, hidden ones included. */
    public double recallAll() {
        return truth == 0 ? 1.0 : (double) matched / truth;
    }

    public TypeCounts plus(TypeCounts other) {
        return new TypeCounts(truth + other.truth, found + other.found, matched + other.matched,
                unobservable + other.unobservable);
    }
}
