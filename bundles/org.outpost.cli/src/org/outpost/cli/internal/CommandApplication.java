package org.outpost.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
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
		SyncService sync = database == null ? null : await(bundles, SyncService.class);
		if (database == null || sync == null) {
			System.err.println("outpost: " + DatabaseFailure.reason(bundles).orElse("the local database could not be opened (the log in the data"
					+ " folder's .metadata says why); nothing was changed."));
			return CommandLine.FAILED;
		}
		List<String> arguments = args == null ? List.of() : Arrays.asList(args);
		return new CommandLine(sync.engine(), database, System.out, System.err, System.in).run(arguments);
	}

	/**
	 * The service once it is registered, or null when it cannot be had: a component that fails to
	 * activate (its database held by another program) is registered all the same, so the wait is
	 * for the registration and the service is asked for once.
	 */
	private static <S> S await(BundleContext bundles, Class<S> type) throws InterruptedException {
		ServiceTracker<S, ServiceReference<S>> tracker = new ServiceTracker<>(bundles, type, new ServiceTrackerCustomizer<>() {
			@Override
			public ServiceReference<S> addingService(ServiceReference<S> reference) {
				return reference;
			}

			@Override
			public void modifiedService(ServiceReference<S> reference, ServiceReference<S> service) {
				// nothing kept that could change
			}

			@Override
			public void removedService(ServiceReference<S> reference, ServiceReference<S> service) {
				// the command ends with the runtime
			}
		});
		tracker.open();
		try {
			ServiceReference<S> reference = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
			return reference == null ? null : bundles.getService(reference);
		} finally {
			tracker.close();
		}
	}

	@Override
	public void stop() {
		// a command runs to its end; the sync engine keeps what it did in checkpoints
	}
}
