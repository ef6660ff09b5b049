package org.outpost.sync.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.sync.engine.SyncReminder;
import org.outpost.sync.engine.SyncService;

/** The automatic sync runs where a workbench offers a reminder, and not in a runtime without one (an {@code outpost} command's). */
class AutoSyncComponentTest {

	private final BundleContext bundles = FrameworkUtil.getBundle(AutoSyncComponent.class).getBundleContext();

	@Test
	void runsOnlyWhileAReminderIsOffered() throws InterruptedException {
		ServiceTracker<SyncService, SyncService> sync = new ServiceTracker<>(bundles, SyncService.class, null);
		sync.open();
		try {
			assertNotNull(sync.waitForService(TimeUnit.SECONDS.toMillis(30)), "the sync service, the component's other reference");
		} finally {
			sync.close();
		}
		ComponentConfigurationDTO without = configuration();
		assertEquals(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, without.state);
		assertArrayEquals(new String[] { "reminder" }, Arrays.stream(without.unsatisfiedReferences).map(reference -> reference.name).toArray());

		ServiceRegistration<SyncReminder> offered = bundles.registerService(SyncReminder.class, kind -> SyncReminder.Answer.SKIP, null);
		try {
			assertEquals(ComponentConfigurationDTO.ACTIVE, configuration().state);
		} finally {
			offered.unregister();
		}
		assertEquals(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, configuration().state);
	}

	private ComponentConfigurationDTO configuration() {
		ServiceReference<ServiceComponentRuntime> reference = bundles.getServiceReference(ServiceComponentRuntime.class);
		ServiceComponentRuntime runtime = bundles.getService(reference);
		try {
			ComponentDescriptionDTO description = runtime.getComponentDescriptionDTO(bundles.getBundle(), AutoSyncComponent.class.getName());
			assertNotNull(description, "the component is declared");
			ComponentConfigurationDTO[] configurations = runtime.getComponentConfigurationDTOs(description).toArray(ComponentConfigurationDTO[]::new);
			assertEquals(1, configurations.length);
			return configurations[0];
		} finally {
			bundles.ungetService(reference);
		}
	}
}
