package org.outpost.sync.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.protocol.Protocol;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.test.support.Services;
import org.outpost.test.support.TemporaryFolders;

/**
 * The sync benchmark of docs/benchmarks.md (DESIGN.md §5), printed as a table: the initial sync of
 * N events, 2N findings and N actions from a real server in its own JVM over loopback into this
 * JVM's real desktop database (heap capped by the build), against the floor of plain JDBC batch
 * inserts of the same rows into the same kind of HSQLDB in the same run; then delta syncs of 500
 * changes each way, the first right after the initial sync.
 */
class SyncBenchmark {

	private static final int DELTA = 500;
	private static final List<String> TABLES = List.of("OUTPOST_EVENT", "OUTPOST_FINDING", "OUTPOST_ACTION");

	@Test
	void initialSyncAgainstTheJdbcFloorThenDeltas() throws Exception {
		int events = Integer.getInteger("outpost.benchmark.sync.events", 100_000);
		// more than the two of the target show what a delta takes once both JVMs have compiled its path
		int deltaSyncs = Integer.getInteger("outpost.benchmark.sync.deltas", 2);
		if (deltaSyncs < 1 || events < deltaSyncs * 2 * DELTA) {
			throw new IllegalArgumentException("Delta syncs edit " + 2 * DELTA + " events each: " + deltaSyncs + " delta syncs need at least "
					+ deltaSyncs * 2 * DELTA + " events, and at least one delta sync is run");
		}
		Path work = TemporaryFolders.create("outpost-sync-benchmark");
		try {
			run(events, deltaSyncs, work);
		} finally {
			// the server's store and the floor's database: hundreds of MB at the full size, removed now rather than at exit
			TemporaryFolders.delete(work);
		}
	}

	private static void run(int events, int deltaSyncs, Path work) throws Exception {
		Path serverData = work.resolve("server-data");
		long started = System.nanoTime();
		BenchmarkData.load(serverData, events);
		print("Server data: %,d events, %,d findings, %,d actions written in %.1f s", events, 2 * events, events, seconds(System.nanoTime() - started));

		LocalDatabase database = Services.get(LocalDatabase.class);
		IEclipsePreferences node = (IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.sync.benchmark").node(UUID.randomUUID().toString());
		SyncEngine engine = new SyncEngine(database, Services.get(SyncParticipants.class), ConnectionStore.ofThisDevice(),
				TokenVault.open(work.resolve("vault")), new SyncSettingsStore(node), Clock.systemUTC());
		LocalChanges changes = new LocalChanges(database);

		try (ServerProcess server = ServerProcess.start(serverData, work.resolve("server-runtime"))) {
			engine.login(server.uri(), BenchmarkData.USER, BenchmarkData.PASSWORD.toCharArray());
			OtherDevice other = new OtherDevice(server.uri());

			print("Server started at %s; initial sync running", server.uri());
			long desktopCpu = processCpuNanos();
			long serverCpu = server.cpuNanos();
			started = System.nanoTime();
			SyncReport initial = engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), new NullProgressMonitor());
			long initialNanos = System.nanoTime() - started;
			desktopCpu = processCpuNanos() - desktopCpu;
			serverCpu = server.cpuNanos() - serverCpu;
			long oldAfterCollection = oldGenerationAfterCollection();
			String peakRss = peakResidentSetSize();
			assertEquals(SyncOutcome.SUCCEEDED, initial.outcome(), initial.message());
			assertEquals(events, count(database, "Event"));
			assertEquals(2L * events, count(database, "Finding"));
			assertEquals(events, count(database, "Action"));

			JdbcFloor.Result floor = JdbcFloor.insertCopies(desktopDataSource(), work.resolve("floor").resolve("floor"), TABLES, JdbcFloor.Order.ID);
			assertEquals(4L * events, floor.rows());
			// informative: the same rows in the server's sequence order, to tell what the order alone costs
			JdbcFloor.Result revisionFloor = JdbcFloor.insertCopies(desktopDataSource(), work.resolve("floor-by-revision").resolve("floor"), TABLES,
					JdbcFloor.Order.REVISION);
			assertEquals(4L * events, revisionFloor.rows());
			exportFeed(other, events);

			print("Initial sync and floor done; delta syncs running");
			// right after the initial sync: 500 edits on another device, 500 here
			double[] deltas = new double[deltaSyncs];
			double[][] deltaCpu = new double[deltaSyncs][];
			long[][] traffic = new long[deltaSyncs][];
			String[] requests = new String[deltaSyncs];
			for (int round = 0; round < deltas.length; round++) {
				int base = round * 2 * DELTA;
				String theirs = "Re-inspection " + round + " #";
				other.retitle(IntStream.range(base, base + DELTA).boxed().toList(), n -> theirs + n);
				for (int n = base + DELTA; n < base + 2 * DELTA; n++) {
					String title = "Follow-up " + round + " #" + n;
					changes.edit(Event.class, BenchmarkData.eventId(n), event -> event.setTitle(title));
				}
				// epoch milliseconds, to cut a profile of either JVM to each delta (docs/benchmarks.md)
				print("Delta sync %d starts at %d", round + 1, System.currentTimeMillis());
				Map<String, long[]> requestsBefore = server.requests();
				long desktopBefore = processCpuNanos();
				long serverBefore = server.cpuNanos();
				started = System.nanoTime();
				SyncReport delta = engine.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.MANUAL), new NullProgressMonitor());
				deltas[round] = seconds(System.nanoTime() - started);
				deltaCpu[round] = new double[] { seconds(processCpuNanos() - desktopBefore), seconds(server.cpuNanos() - serverBefore) };
				requests[round] = requestsSince(requestsBefore, server.requests());
				print("Delta sync %d ends at %d", round + 1, System.currentTimeMillis());
				assertEquals(SyncOutcome.SUCCEEDED, delta.outcome(), delta.message());
				traffic[round] = new long[] { delta.traffic().stream().mapToLong(CategoryTraffic::recordsUp).sum(),
						delta.traffic().stream().mapToLong(CategoryTraffic::recordsDown).sum() };
				assertEquals(DELTA, traffic[round][0]);
				assertEquals(theirs + base, database.read(em -> em.find(Event.class, BenchmarkData.eventId(base))).getTitle());
			}

			long bytesDown = initial.traffic().stream().mapToLong(CategoryTraffic::bytesDown).sum();
			print("| Step | Outpost | Plain JDBC floor | Ratio |");
			print("|---|---|---|---|");
			print("| Initial sync, %,d records (%,d MB down) | %.1f s | %.1f s | %.2f |", 4L * events, bytesDown >> 20, seconds(initialNanos),
					seconds(floor.nanos()), (double) initialNanos / floor.nanos());
			// CPU time does not grow with the load the way waiting does: both JVMs' against the floor's thread
			print("| Initial sync, CPU time (desktop %.1f s + server %.1f s; floor: its thread) | %.1f s | %.1f s | %.2f |", seconds(desktopCpu),
					seconds(serverCpu), seconds(desktopCpu + serverCpu), seconds(floor.cpuNanos()), (double) (desktopCpu + serverCpu) / floor.cpuNanos());
			print("| Informative: the floor with the rows in revision order (the server's sequence); CPU %.1f s | %.1f s | %.1f s | %.2f |",
					seconds(revisionFloor.cpuNanos()), seconds(initialNanos), seconds(revisionFloor.nanos()), (double) initialNanos / revisionFloor.nanos());
			for (int round = 0; round < deltas.length; round++) {
				print("| Delta sync %d: %d up, %d down | %.3f s | | |", round + 1, traffic[round][0], traffic[round][1], deltas[round]);
				print("| Delta sync %d, CPU time (desktop %.3f s + server %.3f s) | %.3f s | | |", round + 1, deltaCpu[round][0], deltaCpu[round][1],
						deltaCpu[round][0] + deltaCpu[round][1]);
			}
			for (int round = 0; round < deltas.length; round++) {
				print("Delta sync %d, requests (the server's time answering them): %s", round + 1, requests[round]);
			}
			print("Desktop heap: max %d MB; old generation after its last collection during the initial sync %d MB; "
					+ "peak RSS of the desktop JVM after the initial sync %s; load average %.1f on %d cores",
					Runtime.getRuntime().maxMemory() >> 20, oldAfterCollection >> 20, peakRss, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
		}
	}

	/** "/api/v1/hello 1 (2.1 ms), /api/v1/push 1 (95.0 ms)": the requests between two snapshots of the server's counters. */
	private static String requestsSince(Map<String, long[]> before, Map<String, long[]> after) {
		List<String> made = new ArrayList<>();
		after.forEach((endpoint, now) -> {
			long[] then = before.getOrDefault(endpoint, new long[2]);
			// the benchmark's own reads of the counters are no part of the sync
			if (now[0] > then[0] && !endpoint.equals(Protocol.METRICS)) {
				made.add(String.format(Locale.ROOT, "%s %d (%.1f ms)", endpoint, now[0] - then[0], (now[1] - then[1]) / 1e6));
			}
		});
		return String.join(", ", made);
	}

	/** CPU time this JVM has used so far, all its threads (JIT and GC included). */
	private static long processCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("No CPU time for this process"))
				.toNanos();
	}

	/** With -Doutpost.benchmark.sync.export=FILE: the records as the server sends them, for scripts/benchmark-pouchdb.sh. */
	private static void exportFeed(OtherDevice other, int events) throws Exception {
		String file = System.getProperty("outpost.benchmark.sync.export", "");
		if (!file.isBlank()) {
			long started = System.nanoTime();
			assertEquals(4L * events, other.exportFeed(List.of("events", "findings"), Path.of(file)));
			print("Exported the %,d records to %s in %.1f s (not measured)", 4L * events, file, seconds(System.nanoTime() - started));
		}
	}

	private static long count(LocalDatabase database, String entity) {
		return database.read(em -> em.createQuery("SELECT COUNT(r) FROM " + entity + " r", Long.class).getSingleResult());
	}

	/** A second connection to the desktop database this runtime has open (HSQLDB shares it within the JVM). */
	private static JDBCDataSource desktopDataSource() {
		JDBCDataSource source = new JDBCDataSource();
		source.setURL("jdbc:hsqldb:file:" + Path.of(System.getProperty("outpost.database.dir")).toAbsolutePath().resolve("outpost"));
		source.setUser("SA");
		source.setPassword("");
		return source;
	}

	/** What the last collection of the old generation left: the live data, where a peak would count garbage too. */
	private static long oldGenerationAfterCollection() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null)
				.mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
	}

	/** The process's peak resident set (Linux: VmHWM), to set beside the PouchDB client's; "unknown" elsewhere. */
	private static String peakResidentSetSize() {
		try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
			return status.filter(line -> line.startsWith("VmHWM:")).map(line -> line.substring("VmHWM:".length()).trim()).findFirst().orElse("unknown");
		} catch (IOException | UncheckedIOException e) {
			return "unknown";
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void print(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}
}
