package dev.drivelog.evaluation;

/**
 * Counts for one violation type over all trips. Precision and recall are vacuously 1.0 when there is
 * nothing to judge: with no found violations nothing was claimed wrongly (precision 1), with no
 * true ones nothing was missed (recall 1). A detector that claims violations where none exist still
 * gets precision 0, one that misses existing ones recall 0.
 */
public record TypeCounts(long truth, long found, long matched) {
    public TypeCounts {
        if (truth < 0 || found < 0 || matched < 0 || matched > truth || matched > found) {
            throw new IllegalArgumentException("inconsistent counts: truth " + truth + ", found " + found + ", matched " + matched);
        }
    }

    public static final TypeCounts ZERO = new TypeCounts(0, 0, 0);

    public double precision() {
        return found == 0 ? 1.0 : (double) matched / found;
    }

    public double recall() {
        return truth == 0 ? 1.0 : (double) matched / truth;
    }

    public TypeCounts plus(TypeCounts other) {
        return new TypeCounts(truth + other.truth, found + other.found, matched + other.matched);
    }
}
