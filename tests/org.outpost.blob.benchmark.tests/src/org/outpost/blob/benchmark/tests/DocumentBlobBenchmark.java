package org.outpost.blob.benchmark.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.documents.Attachments;
import org.outpost.documents.BlobStore;
import org.outpost.documents.Document;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.protocol.Protocol;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.test.support.ServerFixture;
import org.outpost.test.support.Services;

/**
 * A measurement, not a test (docs/benchmarks.md): one document file of {@code outpost.benchmark.blob.mb}
 * MiB sent by the Documents sync (1 MiB chunks, verified by the server) and fetched again (1 MiB
 * ranges, verified by the device), against a real server over loopback. Baselines in the same run:
 * copying the file on disk, and one plain GET of the whole blob (no chunks, no verification).
 */
class DocumentBlobBenchmark {

	private static final int RUNS = 3;

	@Test
	void sendAndFetchOneLargeDocument() throws Exception {
		int megabytes = Integer.getInteger("outpost.benchmark.blob.mb", 64);
		LocalDatabase database = Services.get(LocalDatabase.class);
		Path folder = Files.createTempDirectory("blob-benchmark");
		try (ServerFixture server = new ServerFixture(Math.max(Protocol.DEFAULT_MAX_BLOB_BYTES, (megabytes + 1L) * 1024 * 1024))) {
			TokenVault vault = TokenVault.open(folder.resolve("vault"));
			IEclipsePreferences node = (IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.blob.benchmark.tests")
					.node(UUID.randomUUID().toString());
			SyncEngine engine = new SyncEngine(database, Services.get(SyncParticipants.class), ConnectionStore.ofThisDevice(), vault,
					new SyncSettingsStore(node), Clock.systemUTC());
			engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
			String eventId = server.webEvent("Plant survey", server.north, LocalDate.now(ZoneOffset.UTC));
			require(engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL), new NullProgressMonitor()));
			Event event = database.read(em -> em.find(Event.class, eventId));
			BlobStore blobs = BlobStore.beside(Path.of(database.location()));
			String token = vault.load(server.uri().toString()).orElseThrow().token();
			HttpClient http = HttpClient.newHttpClient();

			List<Double> send = new ArrayList<>();
			List<Double> fetch = new ArrayList<>();
			List<Double> copy = new ArrayList<>();
			List<Double> plainGet = new ArrayList<>();
			for (int run = 0; run <= RUNS; run++) {
				// new content every run: the server and the device hold each file once
				byte[] bytes = new byte[megabytes * 1024 * 1024];
				new Random(run).nextBytes(bytes);
				Path file = Files.write(folder.resolve("survey-" + run + ".bin"), bytes);
				bytes = null;

				long started = System.nanoTime();
				Files.copy(file, folder.resolve("copy.bin"), StandardCopyOption.REPLACE_EXISTING);
				double copied = millis(started);

				Document document = new Attachments(database).attach(event, file);
				started = System.nanoTime();
				require(engine.sync(SyncRequest.of(SyncKind.DOCUMENTS, SyncRequest.MANUAL), new NullProgressMonitor()));
				double sent = millis(started);

				Files.delete(blobs.path(document.getSha256()));
				started = System.nanoTime();
				require(engine.sync(SyncRequest.of(SyncKind.DOCUMENTS, SyncRequest.MANUAL), new NullProgressMonitor()));
				double fetched = millis(started);

				started = System.nanoTime();
				HttpResponse<Void> whole = http.send(HttpRequest.newBuilder(URI.create(server.uri() + Protocol.BLOBS + "/" + document.getSha256()))
						.header("Authorization", "Bearer " + token).header(Protocol.CLIENT_VERSION_HEADER, "1.0").GET().build(),
						HttpResponse.BodyHandlers.discarding());
				double got = millis(started);
				if (whole.statusCode() != 200) {
					throw new IllegalStateException("The plain GET answered " + whole.statusCode());
				}
				if (run > 0) {
					// run 0 warms up
					send.add(sent);
					fetch.add(fetched);
					copy.add(copied);
					plainGet.add(got);
				}
			}
			System.out.println();
			System.out.println("Document blob of " + megabytes + " MiB, median of " + RUNS + " (after one warm-up run)");
			System.out.println("| Step | ms | MiB/s |");
			System.out.println("|---|---|---|");
			row("Documents sync: send (1 MiB chunks, server verifies)", send, megabytes);
			row("Documents sync: fetch (1 MiB ranges, device verifies)", fetch, megabytes);
			row("Baseline: one plain GET of the whole blob", plainGet, megabytes);
			row("Baseline: copy the file on disk", copy, megabytes);
		}
	}

	private static void require(SyncReport report) {
		if (report.outcome() != SyncOutcome.SUCCEEDED) {
			throw new IllegalStateException("The sync ended " + report.outcome() + ": " + report.message());
		}
	}

	private static double millis(long started) {
		return (System.nanoTime() - started) / 1e6;
	}

	private static void row(String step, List<Double> times, int megabytes) {
		List<Double> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		double median = sorted.get(sorted.size() / 2);
		System.out.println(String.format(Locale.ROOT, "| %s | %.0f | %.1f |", step, median, megabytes / (median / 1000)));
	}
}
