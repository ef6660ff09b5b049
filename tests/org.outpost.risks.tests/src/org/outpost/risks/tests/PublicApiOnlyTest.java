package org.outpost.risks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The Risks module is written as a third party would write it: it may use only what other Outpost
 * bundles export as API. This fails if it imports a package exported {@code x-internal}, a package
 * named {@code internal}, or requires an Outpost bundle whole (which would open its internals).
 */
class PublicApiOnlyTest {

	@Test
	void theRisksModuleWiresOnlyToPublicOutpostApi() {
		List<String> violations = new ArrayList<>();
		int outpostImports = 0;
		for (String name : List.of("org.outpost.risks", "org.outpost.risks.ui")) {
			Bundle bundle = bundle(name);
			BundleWiring wiring = bundle.adapt(BundleWiring.class);
			assertNotNull(wiring, name + " is resolved in the test runtime");
			for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
				String provider = wire.getProvider().getSymbolicName();
				if (!provider.startsWith("org.outpost.") || provider.equals(name)) {
					continue;
				}
				outpostImports++;
				String pkg = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
				if ("true".equals(wire.getCapability().getDirectives().get("x-internal")) || pkg.contains(".internal")) {
					violations.add(name + " imports the internal package " + pkg + " of " + provider);
				}
			}
			for (BundleWire wire : wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE)) {
				if (wire.getProvider().getSymbolicName().startsWith("org.outpost.")) {
					violations.add(name + " requires the whole bundle " + wire.getProvider().getSymbolicName() + "; import its API packages instead");
				}
			}
		}
		assertEquals(List.of(), violations);
		assertTrue(outpostImports >= 8, "the check saw the module's Outpost imports: " + outpostImports);
	}

	@Test
	void theCheckWouldSeeAnInternalExport() {
		// the check relies on Equinox reporting x-internal on the capability: prove it on a known internal package
		BundleWiring persistence = bundle("org.outpost.persistence").adapt(BundleWiring.class);
		boolean seen = persistence.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
				.anyMatch(c -> "org.outpost.persistence.internal".equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
						&& "true".equals(c.getDirectives().get("x-internal")));
		assertTrue(seen, "org.outpost.persistence.internal is exported with x-internal:=true and the runtime says so");
		assertFalse(bundle("org.outpost.risks").getHeaders().get("Import-Package").contains("internal"));
	}

	private static Bundle bundle(String symbolicName) {
		for (Bundle bundle : FrameworkUtil.getBundle(PublicApiOnlyTest.class).getBundleContext().getBundles()) {
			if (bundle.getSymbolicName().equals(symbolicName)) {
				return bundle;
			}
		}
		throw new AssertionError(symbolicName + " is not installed in the test runtime");
	}
}
