package org.outpost.sync.engine.tests;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.settings.SyncSettingsStore;

/**
 * The desktop side as the product runs it: the local database and participant registry of this
 * OSGi runtime, a fresh connection, vault and settings. Every test starts from an empty device.
 */
final class Desktop {

	final LocalDatabase database = service(LocalDatabase.class);
	final SyncParticipants participants = service(SyncParticipants.class);
	final SyncSettingsStore settings;
	final SyncEngine engine;
	final LocalChanges changes;

	Desktop() throws Exception {
		IEclipsePreferences node = (IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.sync.engine.tests").node(UUID.randomUUID().toString());
		settings = new SyncSettingsStore(node);
		// the device's own connection, as the product keeps it: the admin module reads who is logged in from it
		engine = new SyncEngine(database, participants, ConnectionStore.ofThisDevice(), TokenVault.open(Files.createTempDirectory("vault")), settings,
				Clock.systemUTC());
		changes = new LocalChanges(database);
		empty();
	}

	/** Removes every local record, queued change and sync state: a newly installed device. */
	void empty() {
		List<Class<?>> types = database.entityClasses();
		database.write(em -> {
			for (Class<?> type : types) {
				em.createQuery("DELETE FROM " + em.getMetamodel().entity(type).getName()).executeUpdate();
			}
			return null;
		});
	}

	<T> T find(Class<T> type, String id) {
		return database.read(em -> em.find(type, id));
	}

	long count(String entity) {
		return database.read(em -> em.createQuery("SELECT COUNT(r) FROM " + entity + " r", Long.class).getSingleResult());
	}

	private static <S> S service(Class<S> type) {
		ServiceTracker<S, S> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Desktop.class).getBundleContext(), type, null);
		tracker.open();
		try {
			S found = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
			if (found == null) {
				throw new IllegalStateException(type.getSimpleName() + " did not come up");
			}
			return found;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			tracker.close();
		}
	}
}
