package org.outpost.server.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.outpost.server.DemoData;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerConfig;

/**
 * The server as an Equinox application: {@code -config <file>}, {@code -port <n>},
 * {@code -data-dir <folder>}, {@code -demo} (put demo data into a store that has no users yet).
 * Runs until the process is stopped (SIGTERM or Ctrl+C stop it gracefully).
 */
public final class ServerApplication implements IApplication {

	private final CountDownLatch stopped = new CountDownLatch(1);
	private final CountDownLatch closed = new CountDownLatch(1);

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		ServerOptions line = new ServerOptions(args);
		ServerConfig config = line.config();
		// on SIGTERM the JVM exits once its shutdown hooks return: this one waits for the graceful close below
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopped.countDown();
			try {
				closed.await(config.stopTimeout().toSeconds() + 5, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "outpost-server-stop"));
		try (OutpostServer server = OutpostServer.start(config)) {
			if (line.flag("-demo") && server.admin().userNames().isEmpty()) {
				DemoData.Summary summary = DemoData.generate(server.admin(), 42);
				System.out.println("Demo data: " + summary + "; log in as demo/demo (desktop) or admin/admin");
			}
			System.out.println("Outpost server " + server.uri() + " (data: " + (config.jdbcUrl() == null ? config.dataDir() : config.jdbcUrl()) + ")");
			context.applicationRunning();
			stopped.await();
			System.out.println("Outpost server stopping: finishing requests in flight");
		} finally {
			closed.countDown();
		}
		return IApplication.EXIT_OK;
	}

	@Override
	public void stop() {
		stopped.countDown();
	}
}
