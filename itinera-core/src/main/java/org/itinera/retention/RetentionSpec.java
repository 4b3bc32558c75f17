package org.itinera.retention;

import java.util.Objects;
import org.itinera.ItineraException;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.SequenceFilter;

/**
 * A retention query. A customer's cohort is the period of their first event matching {@code
 * cohortEvent} (any event when null); they count as returning in period k (1 to {@code periods})
 * when an event matching {@code returnEvent} (any event when null) after that first event falls in
 * the k-th period after the cohort's.
 */
public record RetentionSpec(Period period, EventPredicate cohortEvent, EventPredicate returnEvent,
    int periods, SequenceFilter filter) {

  public static final int MAX_PERIODS = 520;

  public RetentionSpec {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(filter, "filter");
    if (periods < 1 || periods > MAX_PERIODS) {
      throw ItineraException.invalid("periods", "periods is " + periods + "; expected 1 to "
          + MAX_PERIODS);
    }
  }

  public static RetentionSpec of(Period period, int periods) {
    return new RetentionSpec(period, null, null, periods, SequenceFilter.NONE);
  }

  public RetentionSpec withCohortEvent(EventPredicate event) {
    return new RetentionSpec(period, event, returnEvent, periods, filter);
  }

  public RetentionSpec withReturnEvent(EventPredicate event) {
    return new RetentionSpec(period, cohortEvent, event, periods, filter);
  }

  public RetentionSpec withFilter(SequenceFilter newFilter) {
    return new RetentionSpec(period, cohortEvent, returnEvent, periods, newFilter);
  }
}
