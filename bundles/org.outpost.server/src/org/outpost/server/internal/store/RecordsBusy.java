package org.outpost.server.internal.store;

/**
 * A later member of a {@link GroupCommits group} found a record it needs locked by another
 * transaction: it leaves the group, having written nothing, and heads the next one, where it may
 * wait for the record (holding nothing else then, it cannot deadlock).
 */
final class RecordsBusy extends RuntimeException {
	private static final long serialVersionUID = 1L;

	RecordsBusy() {
		// thrown and caught within the group: no stack trace to fill
		super("A record of this write is locked by another transaction", null, false, false);
	}
}
