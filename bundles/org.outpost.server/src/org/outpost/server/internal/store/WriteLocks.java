package org.outpost.server.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' locks of an embedded HSQLDB store, kept in this JVM instead of the database: the
 * records' rows and the change counter, taken in that order and held until the transaction has
 * committed or rolled back. Only one process opens an HSQLDB folder, so every writer of its
 * records passes here. HSQLDB has no row lock but a write (its {@code SELECT ... FOR UPDATE}
 * blocks no writer), and a write of a row copies the whole row, body included, into every index,
 * the log and at eviction the data file: locking 500 records that way cost a push as much as
 * writing them. Waiting for the counter's row also made HSQLDB raise and catch an exception per
 * wait and wake every waiter at each commit; here the waiters park until the holder releases. The
 * counter's lock is not fair: a thread already running takes it when free instead of handing it to
 * the longest waiter, which on a busy machine may wait for a core while the counter sits idle
 * (measured: 3-8% more delta syncs a second at 200 devices, docs/benchmarks.md).
 */
final class WriteLocks {

	/** Per database file, so that two stores on one database in a JVM (tests) share them. */
	private static final ConcurrentHashMap<String, WriteLocks> OF_DATABASE = new ConcurrentHashMap<>();
	/** Record ids fall in stripes; two ids of one stripe only wait for each other, in stripe order: no deadlock. */
	private static final int STRIPES = 1024;

	private final ReentrantLock[] records = new ReentrantLock[STRIPES];
	private final ReentrantLock counter = new ReentrantLock();

	private WriteLocks() {
		for (int i = 0; i < STRIPES; i++) {
			records[i] = new ReentrantLock();
		}
	}

	static WriteLocks of(String database) {
		return OF_DATABASE.computeIfAbsent(database, name -> new WriteLocks());
	}

	/** What one transaction holds; released together once it ended. */
	final class Held {
		private final List<ReentrantLock> taken = new ArrayList<>();
		private boolean recordsTaken;

		/**
		 * Locks these records' stripes, in stripe order; once per transaction, before the counter.
		 * In a group each member locks its own records: the first waits for them as any writer does,
		 * a later one only takes them when free (it holds its predecessors' locks and maybe the
		 * counter, so waiting could deadlock) and else throws {@link RecordsBusy}.
		 */
		void records(Collection<String> ids) {
			if (!ServerStore.inGroup() && (recordsTaken || counter.isHeldByCurrentThread())) {
				throw new IllegalStateException("Records are locked once per transaction, before the change counter");
			}
			TreeSet<Integer> stripes = new TreeSet<>();
			ids.forEach(id -> stripes.add(Math.floorMod(id.hashCode(), STRIPES)));
			if (taken.isEmpty()) {
				recordsTaken = true;
				for (int stripe : stripes) {
					take(records[stripe]);
				}
				return;
			}
			int before = taken.size();
			for (int stripe : stripes) {
				ReentrantLock lock = records[stripe];
				if (!lock.tryLock()) {
					while (taken.size() > before) {
						taken.remove(taken.size() - 1).unlock();
					}
					throw new RecordsBusy();
				}
				taken.add(lock);
			}
		}

		void counter() {
			if (!counter.isHeldByCurrentThread()) {
				take(counter);
			}
		}

		private void take(ReentrantLock lock) {
			lock.lock();
			taken.add(lock);
		}

		void release() {
			for (int i = taken.size() - 1; i >= 0; i--) {
				taken.get(i).unlock();
			}
			taken.clear();
		}
	}
}
