package org.outpost.core.record;

/** A record source that can give the same records in another order (a register's column sort). */
public interface SortableRecordSource<T> extends RecordSource<T> {

	/** The attribute the records are ordered by now. */
	String sortKey();

	boolean ascending();

	/** The same records ordered by {@code key}. */
	SortableRecordSource<T> sortedBy(String key, boolean inAscendingOrder);
}
