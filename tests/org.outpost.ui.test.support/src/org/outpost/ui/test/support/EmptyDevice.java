package org.outpost.ui.test.support;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.outpost.persistence.LocalDatabase;
import org.outpost.test.support.Services;

/**
 * Makes this test runtime's desktop a device that never logged in: tests that sync with a server of
 * their own start from it and leave it so, since another server has other ids for the same user and
 * org unit names.
 */
public final class EmptyDevice {

	private EmptyDevice() {
	}

	/** No records, no sync state, no server or user kept in the sync bundle's preferences. */
	public static void forgetEverything() throws BackingStoreException {
		LocalDatabase database = Services.get(LocalDatabase.class);
		List<Class<?>> types = database.entityClasses();
		database.write(em -> {
			for (Class<?> type : types) {
				em.createQuery("DELETE FROM " + em.getMetamodel().entity(type).getName()).executeUpdate();
			}
			return null;
		});
		var connection = InstanceScope.INSTANCE.getNode("org.outpost.sync");
		connection.remove("server");
		connection.remove("user");
		connection.flush();
	}
}
