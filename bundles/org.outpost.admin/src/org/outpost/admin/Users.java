package org.outpost.admin;

import java.util.List;

import org.outpost.persistence.LocalDatabase;

/** Reads the users on this device. */
public final class Users {

	private Users() {
	}

	/** Every active user, by display name: the people work can be given to. */
	public static List<User> active(LocalDatabase database) {
		return database.read(em -> em.createQuery("SELECT u FROM User u WHERE u.tombstone = FALSE AND u.active = TRUE ORDER BY u.displayName",
				User.class).getResultList());
	}
}
