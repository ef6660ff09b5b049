package org.outpost.admin;

import java.util.Collection;
import java.util.List;

import org.outpost.persistence.LocalDatabase;

/** Reads the locations on this device. */
public final class Locations {

	private Locations() {
	}

	/** Every live location, by name. */
	public static List<Location> all(LocalDatabase database) {
		return database.read(em -> em.createQuery("SELECT l FROM Location l WHERE l.tombstone = FALSE ORDER BY l.name", Location.class)
				.getResultList());
	}

	/** The locations that belong to any of the given org units, by name. */
	public static List<Location> inAny(LocalDatabase database, Collection<String> orgUnitIds) {
		return all(database).stream().filter(l -> orgUnitIds.stream().anyMatch(l::belongsTo)).toList();
	}
}
