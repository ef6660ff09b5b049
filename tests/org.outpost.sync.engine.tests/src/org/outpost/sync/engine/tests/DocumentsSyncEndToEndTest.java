package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.sync.SyncKind;
import org.outpost.documents.Attachments;
import org.outpost.documents.BlobStore;
import org.outpost.documents.Document;
import org.outpost.events.Event;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.TransferSession;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

/** Document files between two devices through a real server: sent before their records, fetched after, resumable and verified. */
class DocumentsSyncEndToEndTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
	/** The test server's limit, small enough to exceed with a test file. */
	private static final long LIMIT = 4L * 1024 * 1024;

	@TempDir
	Path folder;

	private ServerFixture server;
	private Desktop desktop;
	private BlobStore blobs;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture(LIMIT);
		desktop = new Desktop();
		blobs = BlobStore.beside(Path.of(desktop.database.location()));
		deleteBlobs();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	private SyncReport sync(SyncKind kind, IProgressMonitor monitor) {
		return desktop.engine.sync(SyncRequest.of(kind, SyncRequest.MANUAL), monitor);
	}

	private Path file(String name, int size, long seed) throws IOException {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return Files.write(folder.resolve(name), bytes);
	}

	/** Device A: an event from the server, a file attached to it; returns the document. */
	private Document attachOnDeviceA(Path file) {
		String eventId = server.webEvent("Boiler room inspection", server.north, TODAY.plusDays(2));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL, new NullProgressMonitor()).outcome());
		return new Attachments(desktop.database).attach(desktop.find(Event.class, eventId), file);
	}

	/** Device B: a newly installed device (empty database, no files) of the same user. */
	private void becomeDeviceB() throws Exception {
		desktop.empty();
		deleteBlobs();
		desktop = new Desktop();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
	}

	private void deleteBlobs() throws IOException {
		Path root = blobs.partial("0".repeat(64)).getParent().getParent();
		if (Files.exists(root)) {
			try (Stream<Path> all = Files.walk(root)) {
				for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private static CategoryTraffic documents(SyncReport report) {
		return report.traffic().stream().filter(t -> t.category().equals("documents")).findFirst().orElseThrow();
	}

	@Test
	void aDocumentAttachedOnOneDeviceReachesAnotherWithIdenticalBytes() throws Exception {
		Path photo = file("boiler.jpg", 2 * TransferSession.CHUNK_BYTES + 4321, 1);
		Document sent = attachOnDeviceA(photo);

		SyncReport up = sync(SyncKind.DOCUMENTS, new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, up.outcome(), up.message());
		assertEquals(1, server.admin().count("document"));
		assertEquals(0, desktop.count("OutboxEntry"));
		assertTrue(documents(up).bytesUp() > Files.size(photo), documents(up).toString());

		becomeDeviceB();
		SyncReport down = sync(SyncKind.FULL, new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, down.outcome(), down.message());
		Document received = desktop.find(Document.class, sent.getId());
		assertEquals(sent.getSha256(), received.getSha256());
		assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(new Attachments(desktop.database).content(received)));
		long size = Files.size(photo);
		assertTrue(documents(down).bytesDown() > size, documents(down).toString());
		assertTrue(desktop.engine.history().lastFinished("full").orElseThrow().getTraffic().stream()
				.anyMatch(t -> t.category().equals("documents") && t.bytesDown() > size), "the history keeps the bytes moved");
	}

	@Test
	void anInterruptedDownloadGoesOnFromWhereItStopped() throws Exception {
		Path plan = file("plan.pdf", 3 * TransferSession.CHUNK_BYTES + 10, 2);
		Document sent = attachOnDeviceA(plan);
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.DOCUMENTS, new NullProgressMonitor()).outcome());
		becomeDeviceB();
		sync(SyncKind.FULL, new NullProgressMonitor() {
			@Override
			public void subTask(String name) {
				// the user cancels once the first range is on disk
				if (name.startsWith("Received ")) {
					setCanceled(true);
				}
			}
		});
		assertEquals(TransferSession.CHUNK_BYTES, Files.size(blobs.partial(sent.getSha256())), "the first range was kept");
		assertFalse(blobs.has(sent.getSha256()));

		SyncReport resumed = sync(SyncKind.DOCUMENTS, new NullProgressMonitor());

		assertEquals(SyncOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
		assertArrayEquals(Files.readAllBytes(plan), Files.readAllBytes(blobs.path(sent.getSha256())));
		long rest = Files.size(plan) - TransferSession.CHUNK_BYTES;
		assertTrue(documents(resumed).bytesDown() >= rest && documents(resumed).bytesDown() < Files.size(plan),
				"only the rest came: " + documents(resumed));
		assertFalse(Files.exists(blobs.partial(sent.getSha256())));
	}

	@Test
	void aCorruptDownloadIsDiscardedAndReportedNeverStored() throws Exception {
		Path report = file("report.pdf", TransferSession.CHUNK_BYTES + 99, 3);
		Document sent = attachOnDeviceA(report);
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.DOCUMENTS, new NullProgressMonitor()).outcome());
		becomeDeviceB();
		// a first range that went bad on disk: the resumed download completes it, the hash tells
		Files.createDirectories(blobs.partial(sent.getSha256()).getParent());
		Files.write(blobs.partial(sent.getSha256()), new byte[TransferSession.CHUNK_BYTES]);

		SyncReport corrupt = sync(SyncKind.FULL, new NullProgressMonitor());

		assertEquals(SyncOutcome.NEEDS_ATTENTION, corrupt.outcome());
		assertTrue(corrupt.message().contains("report.pdf could not be fetched"), corrupt.message());
		assertFalse(blobs.has(sent.getSha256()), "nothing is stored under the address");
		assertFalse(Files.exists(blobs.partial(sent.getSha256())), "the bad bytes were discarded");

		SyncReport again = sync(SyncKind.DOCUMENTS, new NullProgressMonitor());
		assertEquals(SyncOutcome.SUCCEEDED, again.outcome(), again.message());
		assertArrayEquals(Files.readAllBytes(report), Files.readAllBytes(blobs.path(sent.getSha256())));
	}

	@Test
	void aFileOverTheServersLimitIsNotSentAndTheRunSaysWhy() throws Exception {
		Path video = file("walkthrough.mp4", (int) LIMIT + 1, 4);
		Path photo = file("gauge.jpg", 5000, 5);
		Document tooLarge = attachOnDeviceA(video);
		Document small = new Attachments(desktop.database).attach(desktop.find(Event.class, tooLarge.getOwnerId()), photo);

		SyncReport report = sync(SyncKind.DOCUMENTS, new NullProgressMonitor());

		assertEquals(SyncOutcome.NEEDS_ATTENTION, report.outcome());
		assertTrue(report.message().contains("walkthrough.mp4") && report.message().contains(String.valueOf(LIMIT)), report.message());
		assertEquals(1, server.admin().count("document"), "the small file and its record went");
		assertNotNull(server.record(small.getId()));
		assertNull(server.record(tooLarge.getId()), "the large one's record waits");
		assertEquals(1, desktop.count("OutboxEntry"), "its record stays queued");
	}
}
