package org.outpost.app.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.outpost.core.ApplicationVersion;
import org.outpost.core.module.InstalledModules;
import org.outpost.core.module.InstalledModules.ModuleBundle;
import org.outpost.persistence.LocalDatabase;

/** What the About dialog shows: versions of Outpost and what it runs on, and the installed modules. */
record AboutFacts(Map<String, String> versions, List<ModuleBundle> modules) {

	private static final List<String> PLATFORM_BUNDLES = List.of("org.eclipse.e4.ui.workbench", "org.eclipse.swt", "org.eclipse.jface",
			"org.eclipse.osgi", "org.eclipse.persistence.jpa", "org.hsqldb.hsqldb");

	static AboutFacts collect(Class<?> from, LocalDatabase database) {
		BundleContext context = FrameworkUtil.getBundle(from).getBundleContext();
		Map<String, String> versions = new java.util.LinkedHashMap<>();
		versions.put("Outpost", ApplicationVersion.CURRENT.toString());
		versions.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
		versions.put("Operating system", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
		for (String name : PLATFORM_BUNDLES) {
			versions.put(name, bundleVersion(context, name));
		}
		versions.put("Local database", database == null ? "not open" : database.location());
		return new AboutFacts(versions, new ArrayList<>(InstalledModules.of(context)));
	}

	private static String bundleVersion(BundleContext context, String symbolicName) {
		for (Bundle bundle : context.getBundles()) {
			if (symbolicName.equals(bundle.getSymbolicName())) {
				return bundle.getVersion().toString();
			}
		}
		return "not installed";
	}
}
