package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.server.ServerConfig;
import org.outpost.server.internal.store.RecordRows;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.sync.WebEdits;

import jakarta.persistence.EntityManager;

/**
 * Grouped writes ({@code ServerStore.writeGrouped}), on the embedded store and on PostgreSQL:
 * writes that arrive while another commits share the next transaction; a member whose record
 * another transaction holds waits for a later group instead of deadlocking the group; a member
 * that fails fails alone. Each write here locks and reads a record and takes one sequence number,
 * as a push does.
 */
class GroupCommitsTest {

	@TempDir
	Path folder;

	private ServerStore store;
	private final List<Thread> threads = new ArrayList<>();

	@BeforeEach
	void open() {
		ServerConfig config = TestStores.fresh(folder);
		store = config.jdbcUrl() == null ? ServerStore.embedded(config.dataDir(), 4)
				: ServerStore.postgresql(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), 4);
	}

	@AfterEach
	void close() throws InterruptedException {
		for (Thread thread : threads) {
			thread.join(TimeUnit.MINUTES.toMillis(2));
		}
		store.close();
	}

	/** What a member saw: its transaction (the entity manager's identity) and its sequence number. */
	private record Written(int transaction, long revision) {
	}

	@Test
	void writesArrivingWhileOneCommitsShareTheNextTransaction() throws Exception {
		List<String> ids = records(5);
		long before = store.lastRevision();
		CountDownLatch leaderGo = new CountDownLatch(1);
		CompletableFuture<Written> leader = committing(ids.get(0), leaderGo);
		List<CompletableFuture<Written>> members = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			String id = ids.get(i);
			members.add(queued("member-" + i, em -> write(em, id)));
		}
		leaderGo.countDown();

		Set<Integer> transactions = new HashSet<>();
		Set<Long> revisions = new HashSet<>();
		for (CompletableFuture<Written> member : members) {
			transactions.add(get(member).transaction());
			revisions.add(get(member).revision());
		}
		assertEquals(1, transactions.size(), "the four writes that waited shared one transaction");
		assertNotEquals(get(leader).transaction(), transactions.iterator().next());
		revisions.add(get(leader).revision());
		assertEquals(5, revisions.size(), "every write took a number of its own");
		assertEquals(before + 5, store.lastRevision(), "all five committed");
	}

	@Test
	void aMemberWhoseRecordAnotherTransactionHoldsWaitsForALaterGroup() throws Exception {
		List<String> ids = records(3);
		String held = ids.get(2);
		CountDownLatch holderIn = new CountDownLatch(1);
		CountDownLatch holderGo = new CountDownLatch(1);
		// an ordinary write (a web edit, say) holding a record until told to end
		CompletableFuture<Written> holder = start("holder", () -> store.write(em -> {
			RecordRows.lockAndRead(em, List.of(held));
			holderIn.countDown();
			await(holderGo);
			return new Written(System.identityHashCode(em), ServerStore.takeRevisions(em, 1).next());
		}));
		await(holderIn);
		CountDownLatch leaderGo = new CountDownLatch(1);
		CompletableFuture<Written> leader = committing(ids.get(0), leaderGo);
		// the next group: first a write of a free record, then one of the held record
		CompletableFuture<Written> free = queued("free", em -> write(em, ids.get(1)));
		CompletableFuture<Written> blocked = queued("blocked", em -> write(em, held));
		leaderGo.countDown();

		get(leader);
		get(free);
		assertFalse(blocked.isDone(), "the write of the held record waits for it");
		holderGo.countDown();
		assertNotEquals(get(free).transaction(), get(blocked).transaction(), "it left the group it could not lock in");
		assertEquals(get(holder).revision() + 1, get(blocked).revision(), "and wrote after the holder ended");
	}

	@Test
	void aFailingMemberFailsAloneAndTheOthersCommit() throws Exception {
		List<String> ids = records(4);
		long before = store.lastRevision();
		CountDownLatch leaderGo = new CountDownLatch(1);
		CompletableFuture<Written> leader = committing(ids.get(0), leaderGo);
		CompletableFuture<Written> first = queued("first", em -> write(em, ids.get(1)));
		CompletableFuture<Written> failing = queued("failing", em -> {
			write(em, ids.get(2));
			throw new IllegalArgumentException("refused by its own rules");
		});
		CompletableFuture<Written> last = queued("last", em -> write(em, ids.get(3)));
		leaderGo.countDown();

		get(leader);
		get(first);
		get(last);
		ExecutionException failed = assertThrows(ExecutionException.class, () -> failing.get(2, TimeUnit.MINUTES));
		assertEquals("refused by its own rules", failed.getCause().getMessage());
		assertEquals(before + 3, store.lastRevision(), "the three others committed, the failing one did not");
	}

	/** A grouped write of the record that waits, inside its transaction, until {@code go}: the writes after it queue. */
	private CompletableFuture<Written> committing(String id, CountDownLatch go) {
		CountDownLatch in = new CountDownLatch(1);
		CompletableFuture<Written> leader = grouped("leader", em -> {
			in.countDown();
			await(go);
			return write(em, id);
		});
		await(in);
		return leader;
	}

	/** Stored events to write to. */
	private List<String> records(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = Fixture.newId();
			store.write(em -> WebEdits.put(em, "event", id, Map.of("title", Fixture.text("event " + id)), "web"));
			ids.add(id);
		}
		return ids;
	}

	/** Locks and reads the record and takes one sequence number, as a push's write does. */
	private static Written write(EntityManager em, String id) {
		RecordRows.lockAndRead(em, List.of(id));
		return new Written(System.identityHashCode(em), ServerStore.takeRevisions(em, 1).next());
	}

	private CompletableFuture<Written> grouped(String name, Function<EntityManager, Written> work) {
		return start(name, () -> store.writeGrouped(work));
	}

	/** A grouped write, returned once it waits in the queue behind the running group. */
	private CompletableFuture<Written> queued(String name, Function<EntityManager, Written> work) {
		CompletableFuture<Written> done = grouped(name, work);
		Thread thread = threads.get(threads.size() - 1);
		long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (!waitsInTheQueue(thread)) {
			if (done.isDone() || System.nanoTime() > giveUp) {
				throw new AssertionError("The write " + name + " did not wait for the running group: " + Arrays.toString(thread.getStackTrace()));
			}
			Thread.onSpinWait();
		}
		return done;
	}

	private static boolean waitsInTheQueue(Thread thread) {
		return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
				.anyMatch(frame -> frame.getClassName().endsWith(".GroupCommits") && frame.getMethodName().equals("awaitTurn"));
	}

	private interface Work {
		Written run();
	}

	private CompletableFuture<Written> start(String name, Work work) {
		CompletableFuture<Written> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				done.complete(work.run());
			} catch (Throwable e) {
				done.completeExceptionally(e);
			}
		}, name);
		threads.add(thread);
		thread.start();
		return done;
	}

	private static Written get(CompletableFuture<Written> done) throws Exception {
		// a guard against hanging the build, not a timing
		return done.get(2, TimeUnit.MINUTES);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(2, TimeUnit.MINUTES)) {
				throw new AssertionError("Waited 2 minutes for another thread");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
