package org.outpost.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.outpost.protocol.Protocol;

/**
 * How a server runs. Read from a properties file, each key overridable by an environment
 * variable ({@code db.url} by {@code OUTPOST_DB_URL}); docs/server.md lists the keys.
 *
 * @param jdbcUrl null: the embedded HSQLDB in {@code dataDir}; else a PostgreSQL URL
 * @param keystore null: plain HTTP; else HTTPS with this PKCS12 or JKS keystore
 * @param logRequests one JSON line per request on standard output
 * @param dbTransactions most store transactions at once; requests beyond wait their turn in arrival order
 * @param maxBlobBytes the largest document blob the server takes (hello reports it)
 * @param blobUploadExpiry a partial blob upload no chunk reached for this long is removed
 * @param blobGrace a complete blob no live document has referred to for this long is removed
 */
public record ServerConfig(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword, Duration tokenValidity,
		Path keystore, String keystorePassword, boolean logRequests, int maxThreads, int dbTransactions, Duration stopTimeout, long maxBlobBytes,
		Duration blobUploadExpiry, Duration blobGrace) {

	public static final int DEFAULT_PORT = 8470;

	/** The embedded defaults, data in {@code dataDir}. */
	public static ServerConfig defaults(Path dataDir) {
		return new ServerConfig("0.0.0.0", DEFAULT_PORT, dataDir, null, null, null, Duration.ofDays(30), null, null, false, 200,
				defaultTransactions(), Duration.ofSeconds(15), Protocol.DEFAULT_MAX_BLOB_BYTES, Duration.ofHours(24), Duration.ofDays(7));
	}

	/**
	 * The defaults, overridden by {@code file} (when not null) and then by the environment.
	 *
	 * @throws IllegalArgumentException naming the key whose value is not valid
	 */
	public static ServerConfig load(Path file, Map<String, String> environment) throws IOException {
		Properties properties = new Properties();
		if (file != null) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
		}
		for (String key : new String[] { "host", "port", "data.dir", "db.url", "db.user", "db.password", "token.days", "tls.keystore",
				"tls.password", "log.requests", "threads", "db.transactions", "stop.seconds", "blob.max.bytes",
				"blob.upload.hours", "blob.grace.hours" }) {
			String value = environment.get("OUTPOST_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
			if (value != null) {
				properties.setProperty(key, value);
			}
		}
		ServerConfig defaults = defaults(Path.of(System.getProperty("user.home"), ".outpost", "server"));
		String keystore = properties.getProperty("tls.keystore");
		return new ServerConfig(properties.getProperty("host", defaults.host()), number(properties, "port", defaults.port()),
				Path.of(properties.getProperty("data.dir", defaults.dataDir().toString())), blankToNull(properties.getProperty("db.url")),
				properties.getProperty("db.user", ""), properties.getProperty("db.password", ""),
				Duration.ofDays(number(properties, "token.days", (int) defaults.tokenValidity().toDays())),
				keystore == null || keystore.isBlank() ? null : Path.of(keystore), properties.getProperty("tls.password", ""),
				Boolean.parseBoolean(properties.getProperty("log.requests", "true")), number(properties, "threads", defaults.maxThreads()),
				Math.max(1, number(properties, "db.transactions", defaults.dbTransactions())),
				Duration.ofSeconds(number(properties, "stop.seconds", (int) defaults.stopTimeout().toSeconds())),
				longNumber(properties, "blob.max.bytes", defaults.maxBlobBytes()),
				Duration.ofHours(number(properties, "blob.upload.hours", (int) defaults.blobUploadExpiry().toHours())),
				Duration.ofHours(number(properties, "blob.grace.hours", (int) defaults.blobGrace().toHours())));
	}

	public ServerConfig withPort(int newPort) {
		return new ServerConfig(host, newPort, dataDir, jdbcUrl, jdbcUser, jdbcPassword, tokenValidity, keystore, keystorePassword, logRequests,
				maxThreads, dbTransactions, stopTimeout, maxBlobBytes, blobUploadExpiry, blobGrace);
	}

	public ServerConfig withDataDir(Path folder) {
		return new ServerConfig(host, port, folder, jdbcUrl, jdbcUser, jdbcPassword, tokenValidity, keystore, keystorePassword, logRequests,
				maxThreads, dbTransactions, stopTimeout, maxBlobBytes, blobUploadExpiry, blobGrace);
	}

	public ServerConfig withTokenValidity(Duration validity) {
		return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, validity, keystore, keystorePassword, logRequests,
				maxThreads, dbTransactions, stopTimeout, maxBlobBytes, blobUploadExpiry, blobGrace);
	}

	public ServerConfig withDatabase(String url, String user, String password) {
		return new ServerConfig(host, port, dataDir, url, user, password, tokenValidity, keystore, keystorePassword, logRequests, maxThreads,
				dbTransactions, stopTimeout, maxBlobBytes, blobUploadExpiry, blobGrace);
	}

	public ServerConfig withTls(Path store, String password) {
		return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, tokenValidity, store, password, logRequests, maxThreads,
				dbTransactions, stopTimeout, maxBlobBytes, blobUploadExpiry, blobGrace);
	}

	public ServerConfig withMaxBlobBytes(long limit) {
		return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, tokenValidity, keystore, keystorePassword, logRequests, maxThreads,
				dbTransactions, stopTimeout, limit, blobUploadExpiry, blobGrace);
	}

	public ServerConfig withDbTransactions(int transactions) {
		return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, tokenValidity, keystore, keystorePassword, logRequests, maxThreads,
				transactions, stopTimeout, maxBlobBytes, blobUploadExpiry, blobGrace);
	}

	/**
	 * A few transactions per core: more at once only contend for the cores and the database's locks
	 * (the embedded HSQLDB passes every statement through one lock), and the waiting ones then finish later.
	 */
	private static int defaultTransactions() {
		return 4 * Runtime.getRuntime().availableProcessors();
	}

	private static int number(Properties properties, String key, int absent) {
		long number = longNumber(properties, key, absent);
		if (number > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("The setting " + key + " must be at most " + Integer.MAX_VALUE + ", not " + number);
		}
		return (int) number;
	}

	private static long longNumber(Properties properties, String key, long absent) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			long number = Long.parseLong(value.trim());
			if (number >= 0) {
				return number;
			}
		} catch (NumberFormatException e) {
			// refused below
		}
		throw new IllegalArgumentException("The setting " + key + " must be a whole number of at least 0, not '" + value + "'");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
