package org.outpost.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.cli.CommandLine;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncService;

/** Runs the {@code outpost} command in the installation's OSGi runtime, on the device's own data. */
public final class CommandApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		BundleContext bundles = FrameworkUtil.getBundle(CommandApplication.class).getBundleContext();
		LocalDatabase database = await(bundles, LocalDatabase.class);
		SyncService sync = await(bundles, SyncService.class);
		if (database == null || sync == null) {
			System.err.println("outpost: the local database could not be opened; is the Outpost desktop running on this data? Close it and retry.");
			return CommandLine.FAILED;
		}
		List<String> arguments = args == null ? List.of() : Arrays.asList(args);
		return new CommandLine(sync.engine(), database, System.out, System.err, System.in).run(arguments);
	}

	private static <S> S await(BundleContext bundles, Class<S> type) throws InterruptedException {
		ServiceTracker<S, S> tracker = new ServiceTracker<>(bundles, type, null);
		tracker.open();
		try {
			return tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		} finally {
			tracker.close();
		}
	}

	@Override
	public void stop() {
		// a command runs to its end; the sync engine keeps what it did in checkpoints
	}
}
