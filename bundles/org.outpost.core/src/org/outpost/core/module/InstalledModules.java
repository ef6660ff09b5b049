package org.outpost.core.module;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The Outpost modules installed in this runtime: every bundle whose manifest carries the
 * {@value #HEADER} header, whether it came with Outpost or from a third party.
 */
public final class InstalledModules {

	/** Manifest header naming the module a bundle belongs to, e.g. {@code Outpost-Module: Events}. */
	public static final String HEADER = "Outpost-Module";

	private InstalledModules() {
	}

	/** One installed module bundle. */
	public record ModuleBundle(String module, String symbolicName, String version, String vendor) {
	}

	public static List<ModuleBundle> of(BundleContext context) {
		return Arrays.stream(context.getBundles())
				.filter(bundle -> bundle.getHeaders("").get(HEADER) != null)
				.map(InstalledModules::describe)
				.sorted(Comparator.comparing(ModuleBundle::module).thenComparing(ModuleBundle::symbolicName))
				.toList();
	}

	private static ModuleBundle describe(Bundle bundle) {
		String vendor = bundle.getHeaders("").get("Bundle-Vendor");
		return new ModuleBundle(bundle.getHeaders("").get(HEADER), bundle.getSymbolicName(), bundle.getVersion().toString(),
				vendor == null ? "" : vendor);
	}
}
