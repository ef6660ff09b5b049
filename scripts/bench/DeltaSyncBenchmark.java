import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * N simulated devices doing delta syncs against a running Outpost server at once: each logs in,
 * pulls the events category once and makes WARM_UP_ROUNDS delta syncs (2, or OUTPOST_BENCH_WARM_UP), a few devices at a
 * time (not measured: the server's JIT compiles its hot paths, as in a server that has been running),
 * then all devices run ROUNDS delta syncs at once: push 5 new events, pull the events changed since its cursor. Scenario "shared": every device is the demo user, all
 * in one scope, so each pull brings its own and all the other devices' new events (the worst case).
 * Scenario "spread": device k is the user officer-k (made by "outpost-server-admin demo officers N"),
 * assigned to an org unit of its own, so each pull brings its own new events and scans past the
 * others'. Prints latency percentiles per delta sync and per request, the errors, and the CPU time
 * this load generator and the server (given its process id) used during the measured phase: they
 * share the machine's cores. Run by scripts/benchmark-server.sh.
 *
 *   java -cp <jackson jars> DeltaSyncBenchmark.java <base URL> <devices> <rounds> [shared|spread] [server pid]
 */
public class DeltaSyncBenchmark {

	static final ObjectMapper JSON = new ObjectMapper();
	/**
	 * Delta syncs per device before the measured ones; the server was started just before the benchmark. With 2, the JIT's
	 * compiler threads still take about 40% of the server's CPU in the measured phase (their thread times, docs/benchmarks.md).
	 */
	static final int WARM_UP_ROUNDS = Integer.parseInt(System.getenv().getOrDefault("OUTPOST_BENCH_WARM_UP", "2"));

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		int devices = Integer.parseInt(args[1]);
		int rounds = Integer.parseInt(args[2]);
		boolean spread = args.length > 3 && args[3].equals("spread");
		ProcessHandle server = args.length > 4 ? ProcessHandle.of(Long.parseLong(args[4])).orElseThrow() : null;
		List<Long> syncs = Collections.synchronizedList(new ArrayList<>());
		List<Long> requests = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger records = new AtomicInteger();

		List<Device> all = new ArrayList<>();
		// a few at a time: the logins (a slow password hash each) and first pulls are not measured, and 200 at once can outlast
		// the server's idle timeout on a loaded machine
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<Device>> ready = new ArrayList<>();
			for (int d = 0; d < devices; d++) {
				int number = d;
				ready.add(pool.submit(() -> new Device(base, "bench-" + number, spread ? "officer-" + number : "demo").prepare()));
			}
			for (Future<Device> device : ready) {
				all.add(device.get());
			}
		}
		System.out.printf("%d devices (%s scope) logged in, pulled and made %d delta syncs (not measured); %d delta syncs each, all at once%n", devices,
				spread ? "one org unit each" : "one shared", WARM_UP_ROUNDS, rounds);
		long started = System.nanoTime();
		Duration generatorBefore = cpu(ProcessHandle.current());
		Duration serverBefore = server == null ? Duration.ZERO : cpu(server);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Device device : all) {
				pool.submit(() -> {
					for (int r = 0; r < rounds; r++) {
						long t0 = System.nanoTime();
						try {
							records.addAndGet(device.deltaSync(requests));
							syncs.add(System.nanoTime() - t0);
						} catch (Exception e) {
							errors.incrementAndGet();
							System.err.println(device.id + ": " + e.getMessage());
						}
					}
					return null;
				});
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double generatorCpu = cpu(ProcessHandle.current()).minus(generatorBefore).toMillis() / 1e3;
		System.out.printf("delta syncs: %d in %.1f s (%.0f/s), records pulled: %d, errors: %d%n", syncs.size(), seconds, syncs.size() / seconds,
				records.get(), errors.get());
		System.out.printf("per delta sync (push 5 + pull to the end): %s%n", percentiles(syncs));
		System.out.printf("per HTTP request: %s%n", percentiles(requests));
		if (server != null) {
			double serverCpu = cpu(server).minus(serverBefore).toMillis() / 1e3;
			System.out.printf("CPU during the delta syncs: server %.1f s (%.1f ms per delta sync), load generator %.1f s (%.1f ms), in %.1f s%n", serverCpu,
					1e3 * serverCpu / syncs.size(), generatorCpu, 1e3 * generatorCpu / syncs.size(), seconds);
		}
	}

	static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("No CPU time for process " + process.pid()));
	}

	static String percentiles(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "none";
		}
		return String.format("n=%d p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms", sorted.size(), at(sorted, 0.50), at(sorted, 0.90),
				at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
	}

	static double at(List<Long> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
	}

	static final class Device {
		final URI base;
		final String id;
		final String user;
		final HttpConnection connection;
		String token;
		String cursor;
		/** Where this device creates its events: the org unit of its user's assignment. */
		String orgUnit;

		Device(URI base, String id, String user) {
			this.base = base;
			this.id = id;
			this.user = user;
			this.connection = new HttpConnection(base);
		}

		Device prepare() throws Exception {
			// the demo password is the user name, as are the officers'
			token = post("/api/v1/login", "{\"user\":\"" + user + "\",\"password\":\"" + user + "\",\"deviceId\":\"" + id
					+ "\",\"clientVersion\":\"1.0\"}", null).get("token").asText();
			JsonNode admin = post("/api/v1/changes", "{\"category\":\"admin\",\"limit\":1000}", null);
			for (JsonNode record : admin.get("records")) {
				if (record.get("type").asText().equals("assignment") && user.equals(record.path("owner").asText())) {
					orgUnit = record.get("orgUnit").asText();
				}
			}
			if (orgUnit == null) {
				throw new IllegalStateException(user + " has no assignment");
			}
			pullToEnd(null);
			for (int r = 0; r < WARM_UP_ROUNDS; r++) {
				deltaSync(null);
			}
			return this;
		}

		int deltaSync(List<Long> requests) throws Exception {
			StringBuilder push = new StringBuilder("{\"pendingCount\":0,\"mutations\":[");
			for (int m = 0; m < 5; m++) {
				push.append(m == 0 ? "" : ",").append("{\"mutationId\":\"").append(UUID.randomUUID()).append("\",\"type\":\"event\",\"recordId\":\"")
						.append(UUID.randomUUID()).append("\",\"operation\":\"create\",\"fields\":{\"orgUnit\":{\"value\":\"").append(orgUnit)
						.append("\"},\"dueDate\":{\"value\":\"").append(LocalDate.now()).append("\"},\"title\":{\"value\":\"bench ").append(id)
						.append("\"}}}");
			}
			JsonNode results = post("/api/v1/push", push.append("]}").toString(), requests).get("results");
			for (JsonNode result : results) {
				if (!result.get("outcome").asText().equals("applied")) {
					throw new IllegalStateException("push not applied: " + result);
				}
			}
			return pullToEnd(requests);
		}

		int pullToEnd(List<Long> requests) throws Exception {
			int count = 0;
			JsonNode page;
			do {
				page = post("/api/v1/changes", "{\"category\":\"events\",\"limit\":500" + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}",
						requests);
				count += page.get("records").size();
				cursor = page.get("nextCursor").asText();
			} while (page.get("hasMore").asBoolean());
			return count;
		}

		JsonNode post(String path, String body, List<Long> requests) throws Exception {
			long t0 = System.nanoTime();
			HttpConnection.Response response = connection.post(path, body, token);
			if (requests != null) {
				requests.add(System.nanoTime() - t0);
			}
			if (response.status() != 200) {
				throw new IllegalStateException(path + " answered " + response.status() + ": " + new String(response.body(), StandardCharsets.UTF_8));
			}
			return JSON.readTree(response.body());
		}

	}

	/**
	 * A device's own keep-alive HTTP/1.1 connection, written and read with blocking socket calls (on a
	 * virtual thread): the server sees the same requests and one connection per device as with
	 * java.net.http, but the load generator, which shares the cores with the server, spends a fraction
	 * of the CPU on it (java.net.http's per-client selector thread and asynchronous stages took about
	 * a third of the CPU of a run). Plain HTTP only; answers with a Content-Length or chunked.
	 */
	static final class HttpConnection {
		record Response(int status, byte[] body) {
		}

		private final String host;
		private final int port;
		private Socket socket;
		private InputStream in;
		private OutputStream out;

		HttpConnection(URI base) {
			if (!"http".equals(base.getScheme())) {
				throw new IllegalArgumentException("The benchmark speaks plain HTTP, not " + base);
			}
			this.host = base.getHost();
			this.port = base.getPort() < 0 ? 80 : base.getPort();
		}

		Response post(String path, String body, String token) throws IOException {
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
					.append("\r\nContent-Type: application/json\r\nX-Outpost-Version: 1.0\r\nContent-Length: ").append(content.length).append("\r\n");
			if (token != null) {
				head.append("Authorization: Bearer ").append(token).append("\r\n");
			}
			byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
			boolean fresh = socket == null;
			try {
				return exchange(request, content);
			} catch (IOException e) {
				// the server closed a kept-alive connection while it was idle (before any answer): again on a new one, once;
				// a repeated push is answered from the server's idempotency log, a pull only reads
				close();
				if (fresh) {
					throw e;
				}
				return exchange(request, content);
			}
		}

		private Response exchange(byte[] head, byte[] content) throws IOException {
			if (socket == null) {
				socket = new Socket(host, port);
				socket.setTcpNoDelay(true);
				in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
				out = socket.getOutputStream();
			}
			byte[] request = Arrays.copyOf(head, head.length + content.length);
			System.arraycopy(content, 0, request, head.length, content.length);
			out.write(request);
			out.flush();
			String status = line();
			if (status == null) {
				throw new EOFException("The server closed the connection");
			}
			int code = Integer.parseInt(status.split(" ", 3)[1]);
			long length = -1;
			boolean chunked = false;
			boolean closes = false;
			for (String header; !(header = nextLine()).isEmpty();) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim();
				switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closes = value.equalsIgnoreCase("close");
				default -> {
				}
				}
			}
			byte[] body;
			if (chunked) {
				ByteArrayOutputStream chunks = new ByteArrayOutputStream();
				for (int size; (size = Integer.parseInt(nextLine().split(";", 2)[0].trim(), 16)) > 0;) {
					chunks.write(in.readNBytes(size));
					nextLine();
				}
				while (!nextLine().isEmpty()) {
					// trailers
				}
				body = chunks.toByteArray();
			} else if (length >= 0) {
				body = in.readNBytes((int) length);
				if (body.length < length) {
					throw new EOFException("The answer ended after " + body.length + " of " + length + " bytes");
				}
			} else {
				body = in.readAllBytes();
				closes = true;
			}
			if (closes) {
				close();
			}
			return new Response(code, body);
		}

		private String nextLine() throws IOException {
			String line = line();
			if (line == null) {
				throw new EOFException("The answer ended early");
			}
			return line;
		}

		/** One header line without its CRLF; null at the end of the stream before any byte of it. */
		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c; (c = in.read()) != '\n';) {
				if (c < 0) {
					if (line.isEmpty()) {
						return null;
					}
					throw new EOFException("The answer ended inside a header");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		void close() {
			if (socket != null) {
				try {
					socket.close();
				} catch (IOException e) {
					// closing a broken connection: nothing left to do
				}
				socket = null;
			}
		}
	}
}
