package org.outpost.sync.engine.tests;

import org.eclipse.core.runtime.adaptor.EclipseStarter;

/**
 * The main class of a {@link ForkedDevice}'s JVM, on its class path next to the OSGi framework:
 * runs the Equinox application named on the command line, then ends the JVM with the
 * application's exit code, as the product's launcher does.
 */
public final class DeviceMain {

	private DeviceMain() {
	}

	public static void main(String[] args) throws Exception {
		Object result = EclipseStarter.run(args, null);
		EclipseStarter.shutdown();
		System.exit(result instanceof Integer code ? code : 0);
	}
}
