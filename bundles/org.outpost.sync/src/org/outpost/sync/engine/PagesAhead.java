package org.outpost.sync.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.outpost.protocol.ChangePageStream.Page;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;

/**
 * The pages of one pull, each asked for as soon as the page before it is read (its cursor is known)
 * on the thread that received it, while the sync's thread still writes an earlier page: the
 * server makes the next page during the write instead of after it. At most {@link #AHEAD} pages
 * are read or asked for and not yet taken, so the heap holds a bounded number of pages. Pages
 * are taken in order; each is still committed with its cursor by the caller.
 */
final class PagesAhead implements AutoCloseable {

	/** Pages read or on their way beyond the one being written: two keep the server busy across a slow commit. */
	static final int AHEAD = 2;

	/** A page and its records as new rows. */
	record Received(Page<PulledFields> page, PageRows rows) {
	}

	/** A page asked for: the request, the server's answer (cancelling it ends the exchange), and the page with its rows once made. */
	private record Asked(ChangesRequest request, CompletableFuture<Page<PulledFields>> answer, CompletableFuture<Received> received) {
	}

	private final ServerClient client;
	private final String token;
	private final String category;
	private final DeviceScope scope;
	private final Set<Long> held;
	private final RowPlans plans;
	private final Deque<Asked> asked = new ArrayDeque<>();
	/** The cursor of the next page when it is known but not asked for yet (too many ahead), or null. */
	private String waitingCursor;
	private boolean closed;

	private PagesAhead(ServerClient client, String token, String category, DeviceScope scope, Set<Long> held, RowPlans plans) {
		this.client = client;
		this.token = token;
		this.category = category;
		this.scope = scope;
		this.held = held;
		this.plans = plans;
	}

	/**
	 * Asks for the first page from {@code cursor} (null: from the beginning), with the count of what
	 * remains: the pull's progress has a total also when it goes on from a cursor.
	 */
	static PagesAhead from(ServerClient client, String token, String category, String cursor, DeviceScope scope, Set<Long> held, RowPlans plans)
			throws SyncProblem {
		PagesAhead pages = new PagesAhead(client, token, category, scope, held, plans);
		synchronized (pages) {
			pages.asked.add(pages.ask(new ChangesRequest(category, cursor, client.pageSize(), scope, true, held)));
		}
		return pages;
	}

	/** The next page in order, waiting for it; call it only while the page taken before had more. */
	Received take() throws SyncProblem {
		Asked next;
		synchronized (this) {
			next = asked.poll();
			if (next == null) {
				throw new IllegalStateException("No page was asked for: the page before had no more");
			}
			if (waitingCursor != null) {
				askNext(waitingCursor);
				waitingCursor = null;
			}
		}
		try {
			return client.await(next.received());
		} catch (SyncProblem e) {
			if (e.kind() != SyncProblem.Kind.OFFLINE || Thread.currentThread().isInterrupted()) {
				throw e;
			}
			// asked ahead, it may have met the server restarting or a connection cut while the pages before were written: it
			// is asked once more now that it is needed, as it would have been without the read-ahead
			Asked again;
			synchronized (this) {
				again = ask(next.request());
			}
			return client.await(again.received());
		}
	}

	/** Ends the exchanges still going on (a cancel, or a page that could not be written). */
	@Override
	public synchronized void close() {
		closed = true;
		asked.forEach(page -> page.answer().cancel(true));
		asked.clear();
	}

	/** Runs on the thread that read the page, before its rows are made: the next page travels meanwhile. */
	private synchronized void read(Page<PulledFields> page) {
		if (closed || !page.hasMore()) {
			return;
		}
		if (asked.size() < AHEAD) {
			askNext(page.nextCursor());
		} else {
			waitingCursor = page.nextCursor();
		}
	}

	private void askNext(String cursor) {
		Asked next;
		ChangesRequest request = new ChangesRequest(category, cursor, client.pageSize(), scope, false, held);
		try {
			next = ask(request);
		} catch (SyncProblem e) {
			// the request could not be written: the take of this page reports it
			CompletableFuture<Page<PulledFields>> failed = CompletableFuture.failedFuture(e);
			next = new Asked(request, failed, failed.thenApply(page -> null));
		}
		asked.add(next);
	}

	private Asked ask(ChangesRequest request) throws SyncProblem {
		CompletableFuture<Page<PulledFields>> answer = client.changesAsync(token, request, plans);
		return new Asked(request, answer, answer.thenApply(page -> {
			read(page);
			return new Received(page, PageRows.of(page, plans));
		}));
	}
}
