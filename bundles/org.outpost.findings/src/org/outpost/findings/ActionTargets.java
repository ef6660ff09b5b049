package org.outpost.findings;

import java.util.List;
import java.util.Locale;

import org.outpost.persistence.LocalDatabase;

/**
 * The records an Action can fix, found by part of their name: findings by description, events by
 * title, obligations by topic (by entity name, so this module needs no Obligations classes).
 */
public final class ActionTargets {

	/** A kind of record an action can fix. */
	public enum Kind {
		FINDING("Finding", "description"), EVENT("Event", "title"), OBLIGATION("Obligation", "topic");

		private final String entity;
		private final String name;

		Kind(String entity, String name) {
			this.entity = entity;
			this.name = name;
		}
	}

	/** A record one can link an action to, with the name to show. */
	public record Target(String id, String label) {
	}

	private ActionTargets() {
	}

	/** The first {@code max} live records of the kind whose name contains {@code typed} (any case), by name. */
	public static List<Target> matching(LocalDatabase database, Kind kind, String typed, int max) {
		String pattern = "%" + typed.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return query(database, kind, "LOWER(r." + kind.name + ") LIKE :value ESCAPE '\\'", pattern, max);
	}

	/** The live record of the kind with this id, as a one-element list, or empty. */
	public static List<Target> withId(LocalDatabase database, Kind kind, String id) {
		return query(database, kind, "r.id = :value", id, 1);
	}

	private static List<Target> query(LocalDatabase database, Kind kind, String condition, String value, int max) {
		return database.read(em -> em.createQuery("SELECT r.id, r." + kind.name + " FROM " + kind.entity + " r WHERE r.tombstone = FALSE AND "
				+ condition + " ORDER BY r." + kind.name, Object[].class).setParameter("value", value).setMaxResults(max).getResultList())
				.stream().map(row -> new Target((String) row[0], (String) row[1])).toList();
	}
}
