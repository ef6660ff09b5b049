package org.outpost.events;

import java.util.List;

import org.outpost.persistence.LocalDatabase;

/** Reads the forms and events on this device. */
public final class Forms {

	private Forms() {
	}

	/** Every live form, by name. */
	public static List<Form> all(LocalDatabase database) {
		return database.read(em -> em.createQuery("SELECT f FROM Form f WHERE f.tombstone = FALSE ORDER BY f.name", Form.class).getResultList());
	}

	/** The live event with {@code id}, or null. */
	public static Event event(LocalDatabase database, String id) {
		return database.read(em -> {
			Event event = em.find(Event.class, id);
			return event == null || event.isTombstone() ? null : event;
		});
	}
}
