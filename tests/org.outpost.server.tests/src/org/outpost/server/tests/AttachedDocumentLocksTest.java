package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.server.ServerConfig;
import org.outpost.server.internal.store.RecordRows;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredRecord;
import org.outpost.server.internal.sync.PushProcessor;
import org.outpost.server.internal.sync.UserScope;
import org.outpost.server.internal.sync.WebEdits;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;

/**
 * A record's move refiles the documents attached to it, so it locks them with the record: an edit
 * of such a document that is under way when the record moves is waited for, and the move then
 * sees what it changed; a document attached to a record while it moves is filed once the move has
 * committed. On HSQLDB (the store's locks in this process) and PostgreSQL (row locks).
 */
class AttachedDocumentLocksTest {

	@TempDir
	Path folder;

	@Test
	void aDocumentMovedToAnotherRecordDuringAMoveOfItsFirstRecordIsFiledUnderTheOtherRecord() throws Exception {
		try (ServerStore store = openStore()) {
			String unitA = Fixture.newId();
			String unitB = Fixture.newId();
			String unitC = Fixture.newId();
			String first = put(store, "event", Fixture.newId(), Map.of("title", Fixture.text("first"), "orgUnit", Fixture.text(unitA)));
			String second = put(store, "event", Fixture.newId(), Map.of("title", Fixture.text("second"), "orgUnit", Fixture.text(unitB)));
			String document = put(store, "document", Fixture.newId(), Map.of("fileName", Fixture.text("plan.pdf"), "ownerId", Fixture.text(first)));
			assertEquals(unitA, orgUnit(store, document));

			// the document goes to the second event; before this commits, the first event moves to another org unit
			whileWriting(store, em -> WebEdits.put(em, "document", document, Map.of("ownerId", Fixture.text(second)), "web"),
					"moving the first event", () -> put(store, "event", first, Map.of("orgUnit", Fixture.text(unitC))));

			assertEquals(unitB, orgUnit(store, document), "filed under the second event, which it is attached to now");
			assertEquals(unitC, orgUnit(store, first));
		}
	}

	@Test
	void aDocumentAttachedToARecordDuringItsMoveIsFiledWhereTheRecordMoved() throws Exception {
		attachDuringAMove((store, event, document) -> put(store, "document", document,
				Map.of("fileName", Fixture.text("plan.pdf"), "ownerId", Fixture.text(event))));
	}

	@Test
	void aDocumentPushedForARecordDuringItsMoveIsFiledWhereTheRecordMoved() throws Exception {
		attachDuringAMove((store, event, document) -> {
			UserScope officer = new UserScope("officer", "Officer", true, Set.of("*"), Set.of());
			Mutation create = new Mutation(Fixture.newId(), "document", document, Operation.CREATE,
					Map.of("fileName", new FieldChange(Fixture.text("plan.pdf"), null), "ownerId", new FieldChange(Fixture.text(event), null)));
			List<MutationResult> results = store.writeRetrying(em -> PushProcessor.apply(em, officer, new PushRequest(0, List.of(create)), LocalDate.now()));
			assertEquals(Outcome.APPLIED, results.get(0).outcome(), () -> results.get(0).toString());
		});
	}

	/**
	 * An event moves from one org unit to another; before that commits, {@code attaching} attaches
	 * a new document to it in another thread (the move cannot see the uncommitted document): the
	 * document must be filed under the org unit the event moved to.
	 */
	private void attachDuringAMove(Attaching attaching) throws Exception {
		try (ServerStore store = openStore()) {
			String unitA = Fixture.newId();
			String unitB = Fixture.newId();
			String event = put(store, "event", Fixture.newId(), Map.of("title", Fixture.text("audit"), "orgUnit", Fixture.text(unitA)));
			String document = Fixture.newId();

			whileWriting(store, em -> WebEdits.put(em, "event", event, Map.of("orgUnit", Fixture.text(unitB)), "web"), "attaching a document",
					() -> attaching.attach(store, event, document));

			assertEquals(unitB, orgUnit(store, event));
			assertEquals(unitB, orgUnit(store, document), "filed under the event's org unit after its move, not before");
		}
	}

	/** Attaches the document {@code documentId} to {@code eventId} in a transaction of its own. */
	private interface Attaching {
		void attach(ServerStore store, String eventId, String documentId);
	}

	private ServerStore openStore() {
		ServerConfig config = TestStores.fresh(folder);
		return config.jdbcUrl() == null ? ServerStore.embedded(config.dataDir(), 4)
				: ServerStore.postgresql(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), 4);
	}

	/**
	 * Opens a transaction that does {@code holding}, then runs {@code racing} in another thread and
	 * commits once that thread waits for one of the store's locks (or has ended); returns when the
	 * racing work has ended, with its failure if it failed.
	 */
	private static void whileWriting(ServerStore store, Consumer<EntityManager> holding, String name, Runnable racing) throws Exception {
		CompletableFuture<Void> raced = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				racing.run();
				raced.complete(null);
			} catch (RuntimeException | AssertionError e) {
				raced.completeExceptionally(e);
			}
		}, name);
		store.write(em -> {
			holding.accept(em);
			thread.start();
			awaitLockOrEnd(thread, raced);
			return null;
		});
		raced.get();
		thread.join();
	}

	private static String put(ServerStore store, String type, String id, Map<String, JsonNode> fields) {
		return store.write(em -> WebEdits.put(em, type, id, fields, "web")).id();
	}

	private static String orgUnit(ServerStore store, String id) {
		return store.read(em -> em.find(StoredRecord.class, id).getOrgUnit());
	}

	/** Waits until the thread waits for a store lock or has ended; a guard against hanging the build, not a timing. */
	private static void awaitLockOrEnd(Thread thread, CompletableFuture<?> done) {
		long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (!waitsForALock(thread) && !done.isDone()) {
			if (System.nanoTime() > giveUp) {
				throw new AssertionError("The thread " + thread.getName() + " neither waited for a lock nor ended: " + Arrays.toString(thread.getStackTrace()));
			}
			Thread.onSpinWait();
		}
	}

	/**
	 * The thread waits inside the store's locking of records or of the change counter: parked on
	 * the embedded store's lock, or waiting for PostgreSQL's answer there.
	 */
	private static boolean waitsForALock(Thread thread) {
		StackTraceElement[] stack = thread.getStackTrace();
		boolean locking = Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(ServerStore.class.getName())
				&& Set.of("lockRecords", "lockInProcess", "takeRevisions").contains(frame.getMethodName())
				|| frame.getClassName().equals(RecordRows.class.getName()) && frame.getMethodName().equals("lockAndRead"));
		boolean waiting = thread.getState() == Thread.State.WAITING
				|| Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("sun.nio.ch."));
		return locking && waiting;
	}
}
