package org.outpost.sync.engine.tests;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.test.support.Services;
import org.outpost.test.support.TemporaryFolders;

/**
 * The desktop side as the product runs it: the local database and participant registry of this
 * OSGi runtime, a fresh connection, vault and settings. Every test starts from an empty device.
 */
final class Desktop {

	final LocalDatabase database = Services.get(LocalDatabase.class);
	final SyncParticipants participants = Services.get(SyncParticipants.class);
	final SyncSettingsStore settings;
	final SyncEngine engine;
	final LocalChanges changes;

	Desktop() throws Exception {
		IEclipsePreferences node = (IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.sync.engine.tests").node(UUID.randomUUID().toString());
		settings = new SyncSettingsStore(node);
		// the device's own connection, as the product keeps it: the admin module reads who is logged in from it
		engine = new SyncEngine(database, participants, ConnectionStore.ofThisDevice(), TokenVault.open(TemporaryFolders.create("vault")), settings,
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

}
