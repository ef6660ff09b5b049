package org.outpost.test.support;

import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/**
 * What the Equinox application container would hand the desktop application: the product's
 * branding properties (from org.outpost.app's plugin.xml) and command-line arguments. It is the
 * boundary between the test and the real e4 application.
 */
public final class WorkbenchApplicationContext implements IApplicationContext {

	private final Bundle branding = Platform.getBundle("org.outpost.app");
	private final Map<String, String> properties = Map.of(
			"applicationXMI", "org.outpost.app/Application.e4xmi",
			"lifeCycleURI", "bundleclass://org.outpost.app/org.outpost.app.internal.OutpostLifecycle",
			"applicationCSS", "platform:/plugin/org.outpost.app/css/outpost.css",
			"appName", "Outpost");

	@Override
	public Map<String, Object> getArguments() {
		return Map.of(APPLICATION_ARGS, new String[] { "-clearPersistedState", "-persistState", "false" });
	}

	@Override
	public void applicationRunning() {
		// no splash screen to take down
	}

	@Override
	public String getBrandingApplication() {
		return "org.eclipse.e4.ui.workbench.swt.E4Application";
	}

	@Override
	public String getBrandingName() {
		return "Outpost";
	}

	@Override
	public String getBrandingDescription() {
		return "Outpost desktop under test";
	}

	@Override
	public String getBrandingId() {
		return "org.outpost.app.desktop";
	}

	@Override
	public String getBrandingProperty(String key) {
		return properties.get(key);
	}

	@Override
	public Bundle getBrandingBundle() {
		return branding;
	}

	@Override
	public void setResult(Object result, IApplication application) {
		// the test reads the result from start()
	}
}
