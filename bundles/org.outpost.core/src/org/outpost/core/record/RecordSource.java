package org.outpost.core.record;

import java.util.List;

/**
 * A window onto a possibly large set of records, read a page at a time, so that a register can
 * show 100,000 rows while holding only the ones on screen. A register calls both methods from
 * background threads (never the UI thread), possibly at the same time.
 */
public interface RecordSource<T> {

	/** How many records the source holds now. */
	long count();

	/** Up to {@code max} records starting at {@code first} (0-based) in the source's order. */
	List<T> fetch(int first, int max);
}
