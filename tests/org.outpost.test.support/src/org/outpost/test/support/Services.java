package org.outpost.test.support;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The real OSGi services of the test runtime, waited for as the product's components come up. */
public final class Services {

	private Services() {
	}

	public static <S> S get(Class<S> type) {
		ServiceTracker<S, S> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Services.class).getBundleContext(), type, null);
		tracker.open();
		try {
			S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
			if (service == null) {
				throw new IllegalStateException("No " + type.getName() + " service in the test runtime");
			}
			return service;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			tracker.close();
		}
	}
}
