package org.outpost.ui.register;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.outpost.core.record.RecordSource;

/**
 * The rows of a register, read from its {@link RecordSource} off the UI thread: the count once per
 * source, the rows a page at a time as the screen needs them, a bounded number of pages kept. A
 * new source (filter, sort, refresh) makes every answer still under way for the old one void: the
 * newest request wins. Every method is called on the UI thread; results come back through
 * {@code ui} and are announced to {@code changed}.
 */
final class RowLoader<T> {

	static final int PAGE_SIZE = 200;
	private static final int PAGES_KEPT = 10;

	private final Executor background;
	private final Executor ui;
	private final Runnable changed;
	private final Consumer<RuntimeException> failed;

	private RecordSource<T> source;
	/** Bumped for every new source; answers for an older one are dropped. */
	private int generation;
	/** The generation and page range the screen needs now, read by the background threads. */
	private volatile int wantedGeneration;
	private volatile int firstWantedPage;
	private volatile int lastWantedPage;
	private long count = -1;
	private boolean countRequested;
	private RuntimeException failure;
	private final Set<Integer> pending = new HashSet<>();
	private final Map<Integer, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
			return size() > PAGES_KEPT;
		}
	};

	/**
	 * @param background runs the reads
	 * @param ui runs the answers on the UI thread
	 * @param changed told (on the UI thread) when rows or the count arrived
	 * @param failed told (on the UI thread) when a read failed; nothing more is read from that source
	 */
	RowLoader(Executor background, Executor ui, Runnable changed, Consumer<RuntimeException> failed) {
		this.background = Objects.requireNonNull(background, "background");
		this.ui = Objects.requireNonNull(ui, "ui");
		this.changed = Objects.requireNonNull(changed, "changed");
		this.failed = Objects.requireNonNull(failed, "failed");
	}

	/**
	 * Reads from {@code newSource} from now on, forgetting every row read so far.
	 *
	 * @param knownCount how many records the new source holds when that is known (the same records in
	 *        another order), or a negative number to count them
	 */
	void show(RecordSource<T> newSource, long knownCount) {
		source = Objects.requireNonNull(newSource, "newSource");
		generation++;
		pages.clear();
		pending.clear();
		failure = null;
		count = knownCount;
		countRequested = knownCount >= 0;
	}

	/**
	 * Rows {@code first} to {@code last} are on screen: reads the pages they are on (unless read or
	 * under way) and, once they have arrived, the count.
	 */
	void want(int first, int last) {
		int firstPage = first / PAGE_SIZE;
		int lastPage = Math.max(firstPage, last / PAGE_SIZE);
		firstWantedPage = firstPage;
		lastWantedPage = lastPage;
		wantedGeneration = generation;
		if (failure != null) {
			return;
		}
		for (int page = firstPage; page <= lastPage; page++) {
			if (!pages.containsKey(page) && pending.add(page)) {
				read(page);
			}
		}
		if (!countRequested && pending.isEmpty()) {
			// after the rows on screen: a count is a full scan, and running both at once delays the rows
			countRequested = true;
			countInBackground();
		}
	}

	/** The row at {@code index}, or null while its page is being read. */
	T row(int index) {
		List<T> page = pages.get(index / PAGE_SIZE);
		int offset = index % PAGE_SIZE;
		return page == null || offset >= page.size() ? null : page.get(offset);
	}

	/** How many records the source holds, or a negative number while they are being counted. */
	long count() {
		return count;
	}

	/** The count when known, else the rows known to exist so far: the first page, once read. */
	long knownRows() {
		if (count >= 0) {
			return count;
		}
		List<T> first = pages.get(0);
		return first == null ? 0 : first.size();
	}

	/** Whether the count or a row on screen is still being read (a failed read ends all reading). */
	boolean loading() {
		if (failure != null) {
			return false;
		}
		if (count < 0) {
			return true;
		}
		for (int page = firstWantedPage; page <= lastWantedPage; page++) {
			if (pending.contains(page)) {
				return true;
			}
		}
		return false;
	}

	private void read(int page) {
		RecordSource<T> from = source;
		int asked = generation;
		background.execute(() -> {
			if (asked != wantedGeneration || page < firstWantedPage || page > lastWantedPage) {
				// scrolled past or replaced while waiting for a thread: not worth a query
				ui.execute(() -> {
					if (asked == generation) {
						pending.remove(page);
						changed.run(); // the count may have been waiting for this page
					}
				});
				return;
			}
			try {
				List<T> rows = List.copyOf(from.fetch(page * PAGE_SIZE, PAGE_SIZE));
				ui.execute(() -> pageRead(asked, page, rows));
			} catch (RuntimeException e) {
				ui.execute(() -> readFailed(asked, e));
			}
		});
	}

	private void pageRead(int asked, int page, List<T> rows) {
		if (asked != generation) {
			return;
		}
		pending.remove(page);
		pages.put(page, rows);
		if (count < 0 && rows.size() < PAGE_SIZE && (page == 0 || !rows.isEmpty())) {
			count = (long) page * PAGE_SIZE + rows.size(); // the last page tells the count before the query does
		}
		changed.run();
	}

	private void countInBackground() {
		RecordSource<T> from = source;
		int asked = generation;
		background.execute(() -> {
			if (asked != wantedGeneration) {
				return; // replaced before it started; the new source asks for its own count
			}
			try {
				long counted = from.count();
				ui.execute(() -> {
					if (asked == generation) {
						count = counted;
						changed.run();
					}
				});
			} catch (RuntimeException e) {
				ui.execute(() -> readFailed(asked, e));
			}
		});
	}

	private void readFailed(int asked, RuntimeException e) {
		if (asked != generation || failure != null) {
			return;
		}
		failure = e;
		pending.clear();
		failed.accept(e);
	}
}
