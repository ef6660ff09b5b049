import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * N simulated devices doing delta syncs against a running Outpost server at once: each logs in,
 * pulls the events category once (not measured), then runs ROUNDS delta syncs: push 5 new events,
 * pull the events changed since its cursor. Scenario "shared": every device is the demo user, all
 * in one scope, so each pull brings its own and all the other devices' new events (the worst case).
 * Scenario "spread": device k is the user officer-k (made by "outpost-server-admin demo officers N"),
 * assigned to an org unit of its own, so each pull brings its own new events and scans past the
 * others'. Prints latency percentiles per delta sync and per request, and the errors. Run by
 * scripts/benchmark-server.sh.
 *
 *   java -cp <jackson jars> DeltaSyncBenchmark.java <base URL> <devices> <rounds> [shared|spread]
 */
public class DeltaSyncBenchmark {

	static final ObjectMapper JSON = new ObjectMapper();

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		int devices = Integer.parseInt(args[1]);
		int rounds = Integer.parseInt(args[2]);
		boolean spread = args.length > 3 && args[3].equals("spread");
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
		System.out.printf("%d devices (%s scope) logged in and pulled; %d delta syncs each, all at once%n", devices, spread ? "one org unit each" : "one shared",
				rounds);
		long started = System.nanoTime();
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
		System.out.printf("delta syncs: %d in %.1f s (%.0f/s), records pulled: %d, errors: %d%n", syncs.size(), seconds, syncs.size() / seconds,
				records.get(), errors.get());
		System.out.printf("per delta sync (push 5 + pull to the end): %s%n", percentiles(syncs));
		System.out.printf("per HTTP request: %s%n", percentiles(requests));
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
		final HttpClient client = HttpClient.newHttpClient();
		String token;
		String cursor;
		/** Where this device creates its events: the org unit of its user's assignment. */
		String orgUnit;

		Device(URI base, String id, String user) {
			this.base = base;
			this.id = id;
			this.user = user;
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
			HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
					.header("X-Outpost-Version", "1.0").POST(BodyPublishers.ofString(body));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			long t0 = System.nanoTime();
			var response = client.send(request.build(), BodyHandlers.ofString());
			if (requests != null) {
				requests.add(System.nanoTime() - t0);
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
	}
}
