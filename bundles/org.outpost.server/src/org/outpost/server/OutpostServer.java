package org.outpost.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.outpost.protocol.ErrorBody;
import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Protocol;
import org.outpost.server.ServerAdmin.BlobsSwept;
import org.outpost.server.internal.http.ApiHandler;
import org.outpost.server.internal.http.Metrics;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.sync.AttachmentScope;
import org.outpost.server.internal.sync.RecordEditor;

/**
 * A running Outpost server: the store and the HTTP endpoints over it. Closing it stops taking
 * requests, lets those in flight finish (each push is one transaction: it commits or rolls
 * back, never half), then closes the store.
 */
public final class OutpostServer implements AutoCloseable {

	/** How often the server removes abandoned uploads and unreferenced blobs. */
	private static final Duration SWEEP_EVERY = Duration.ofHours(1);

	private final ServerStore store;
	private final Server jetty;
	private final ServerConnector connector;
	private final ServerConfig config;
	private final ScheduledExecutorService sweeper;

	private OutpostServer(ServerStore store, Server jetty, ServerConnector connector, ServerConfig config) {
		this.store = store;
		this.jetty = jetty;
		this.connector = connector;
		this.config = config;
		this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outpost-blob-sweep").daemon().factory());
		sweeper.scheduleWithFixedDelay(this::sweepBlobs, SWEEP_EVERY.toMinutes(), SWEEP_EVERY.toMinutes(), TimeUnit.MINUTES);
	}

	/** The periodic blob housekeeping; a failure is logged and the next round tries again. */
	private void sweepBlobs() {
		try {
			BlobsSwept swept = admin().sweepBlobs();
			if (swept.partialUploads() + swept.unreferencedBlobs() > 0) {
				ILog.of(OutpostServer.class).info("Blob sweep removed " + swept.describe());
			}
		} catch (RuntimeException e) {
			ILog.of(OutpostServer.class).warn("The blob sweep failed: " + e.getMessage(), e);
		}
	}

	/** Opens the store (creating or extending its tables) and starts listening; port 0 takes a free port. */
	public static OutpostServer start(ServerConfig config) throws Exception {
		ServerStore store = openStore(config);
		try {
			QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, config.maxThreads()), 4);
			threads.setName("outpost-http");
			Server jetty = new Server(threads);
			HttpConfiguration http = new HttpConfiguration();
			http.setSendServerVersion(false);
			ServerConnector connector;
			if (config.keystore() != null) {
				SslContextFactory.Server ssl = new SslContextFactory.Server();
				ssl.setKeyStorePath(config.keystore().toString());
				ssl.setKeyStorePassword(config.keystorePassword());
				http.addCustomizer(new SecureRequestCustomizer(false));
				connector = new ServerConnector(jetty, ssl, new HttpConnectionFactory(http));
			} else {
				connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
			}
			connector.setHost(config.host());
			connector.setPort(config.port());
			jetty.addConnector(connector);

			ApiHandler api = new ApiHandler(store, config.tokenValidity(), new Metrics(), config.logRequests() ? System.out::println : null,
					Clock.systemUTC(), config.maxBlobBytes());
			GzipHandler gzip = new GzipHandler();
			// blob bytes travel as they are: byte ranges of a gzipped answer would not be ranges of the blob
			gzip.addExcludedPaths(Protocol.BLOBS + "/*");
			// inflate gzip request bodies too; ApiHandler limits the inflated size
			gzip.setInflateBufferSize(8192);
			gzip.setHandler(api);
			jetty.setHandler(new GracefulHandler(gzip) {
				@Override
				protected void handleShutdownRejection(Request request, Response response, Callback callback) {
					// while stopping, new requests get the protocol's JSON error, like every other refusal
					response.setStatus(ErrorCode.SERVICE_UNAVAILABLE.status());
					response.getHeaders().put(HttpHeader.CONTENT_TYPE, Protocol.JSON + "; charset=utf-8");
					Content.Sink.write(response, true, JsonCodec.toText(new ErrorBody(ErrorCode.SERVICE_UNAVAILABLE.wireName(),
							"The server is stopping; try again in a moment")), callback);
				}
			});
			jetty.setStopTimeout(config.stopTimeout().toMillis());
			jetty.start();
			OutpostServer server = new OutpostServer(store, jetty, connector, config);
			ILog.of(OutpostServer.class).info("Outpost server listening on " + server.uri() + ", data in " + store.location());
			return server;
		} catch (Exception | Error e) {
			store.close();
			throw e;
		}
	}

	static ServerStore openStore(ServerConfig config) {
		ServerStore store = config.jdbcUrl() == null ? ServerStore.embedded(config.dataDir(), config.dbTransactions())
				: ServerStore.postgresql(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), config.dbTransactions());
		try {
			int filled = store.write(RecordEditor::fillStatusColumns);
			if (filled > 0) {
				ILog.of(OutpostServer.class).info("Filled the status column of " + filled + " records stored before it existed");
			}
			int filed = store.write(AttachmentScope::fileStoredDocuments);
			if (filed > 0) {
				ILog.of(OutpostServer.class).info("Filed " + filed + " documents stored before documents followed their records' scope");
			}
		} catch (RuntimeException e) {
			store.close();
			throw e;
		}
		return store;
	}

	public int port() {
		return connector.getLocalPort();
	}

	/** The base address, e.g. {@code http://localhost:8470}. */
	public URI uri() {
		return URI.create((config.keystore() != null ? "https" : "http") + "://localhost:" + port());
	}

	/** Administration of this server's data (users, records, tokens) while it runs. */
	public ServerAdmin admin() {
		return new ServerAdmin(store, config);
	}

	@Override
	public void close() throws Exception {
		try {
			sweeper.shutdownNow();
			jetty.stop();
		} finally {
			store.close();
		}
	}
}
