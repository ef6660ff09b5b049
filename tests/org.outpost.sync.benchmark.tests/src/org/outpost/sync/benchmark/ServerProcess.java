package org.outpost.sync.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outpost.protocol.Protocol;

/**
 * The Outpost server application in a JVM of its own, started from this test runtime's bundles
 * (its OSGi configuration, copied), on a free loopback port: the desktop side, this JVM, keeps its
 * capped heap to itself.
 */
final class ServerProcess implements AutoCloseable {

	/** The Outpost bundles of the server product. */
	private static final Set<String> SERVER_BUNDLES = Set.of("org.outpost.core", "org.outpost.persistence", "org.outpost.protocol", "org.outpost.server");
	/** An Outpost bundle's entry in osgi.bundles: a jar of a build ({@code .../org.outpost.x/target/...}) or a bundle's folder. */
	private static final Pattern OUTPOST_BUNDLE = Pattern.compile("/(org\\.outpost\\.[a-z.]+?)(?:/target/|@|$)");

	private final Process process;
	private final URI uri;
	private final Path log;

	private ServerProcess(Process process, URI uri, Path log) {
		this.process = process;
		this.uri = uri;
		this.log = log;
	}

	static ServerProcess start(Path data, Path work) throws IOException, URISyntaxException, InterruptedException {
		Path configuration = Files.createDirectories(work.resolve("configuration"));
		Path ours = Path.of(new URL(System.getProperty("osgi.configuration.area")).toURI());
		Files.writeString(configuration.resolve("config.ini"), serverBundlesOnly(Files.readString(ours.resolve("config.ini"))));
		int port = freePort();
		Path log = work.resolve("server.log");
		// java.class.path is the Equinox launcher this runtime was started with
		ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
				System.getProperty("java.class.path"), "-configuration", configuration.toString(), "-data", work.resolve("workspace").toString(),
				"-application", "org.outpost.server.server", "-port", Integer.toString(port), "-data-dir", data.toString()));
		builder.environment().put("OUTPOST_LOG_REQUESTS", "false");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		ServerProcess server = new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
		server.awaitHealthy();
		return server;
	}

	/**
	 * This runtime's configuration without the Outpost bundles the server product does not ship
	 * (features/org.outpost.server.feature): the desktop's own components (the automatic sync's
	 * ticker, the token vault) would otherwise start in the server's JVM and count in its CPU time.
	 */
	static String serverBundlesOnly(String configIni) {
		Matcher bundles = Pattern.compile("(?m)^osgi\\.bundles=(.*)$").matcher(configIni);
		if (!bundles.find()) {
			throw new IllegalStateException("The test runtime's config.ini lists no bundles");
		}
		List<String> kept = new ArrayList<>();
		for (String entry : bundles.group(1).split(",")) {
			Matcher outpost = OUTPOST_BUNDLE.matcher(entry);
			if (!outpost.find() || SERVER_BUNDLES.contains(outpost.group(1))) {
				kept.add(entry);
			}
		}
		return configIni.substring(0, bundles.start(1)) + String.join(",", kept) + configIni.substring(bundles.end(1));
	}

	URI uri() {
		return uri;
	}

	/** CPU time the server process has used so far, all its threads. */
	long cpuNanos() {
		return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("The server's CPU time cannot be read here")).toNanos();
	}

	/** The server's requests so far per endpoint: how many, and the nanoseconds it spent answering them (its /metrics). */
	Map<String, long[]> requests() throws IOException, InterruptedException {
		Pattern line = Pattern.compile("outpost_(requests_total|request_nanoseconds_total)\\{endpoint=\"([^\"]+)\",status=\"\\d+\"\\} (\\d+)");
		String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/metrics")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Map<String, long[]> requests = new TreeMap<>();
		for (String text : metrics.split("\n")) {
			Matcher counter = line.matcher(text);
			if (counter.matches()) {
				requests.computeIfAbsent(counter.group(2), endpoint -> new long[2])[counter.group(1).equals("requests_total") ? 0 : 1] += Long
						.parseLong(counter.group(3));
			}
		}
		return requests;
	}

	private void awaitHealthy() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(uri.resolve(Protocol.HEALTH)).timeout(Duration.ofSeconds(2)).GET().build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server process ended with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			} catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		close();
		throw new IllegalStateException("The server did not answer within 3 minutes:\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}
}
