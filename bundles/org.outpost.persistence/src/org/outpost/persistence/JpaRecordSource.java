package org.outpost.persistence;

import java.util.List;
import java.util.Objects;

import org.outpost.core.record.RecordSource;
import org.outpost.core.record.SyncedRecord;

/**
 * Reads live (non-deleted) records of one entity class page by page, ordered by one attribute
 * and then by id so that pages never overlap.
 */
public final class JpaRecordSource<T extends SyncedRecord> implements RecordSource<T> {

	private final LocalDatabase database;
	private final Class<T> type;
	private final String orderBy;
	private final boolean ascending;
	private final String entityName;

	/**
	 * @param orderBy an attribute of {@code type}; checked against the entity's attributes
	 */
	public JpaRecordSource(LocalDatabase database, Class<T> type, String orderBy, boolean ascending) {
		this.database = Objects.requireNonNull(database, "database");
		this.type = Objects.requireNonNull(type, "type");
		if (!orderBy.matches("[A-Za-z][A-Za-z0-9]*")) {
			throw new IllegalArgumentException("Not an attribute name: '" + orderBy + "'");
		}
		this.orderBy = orderBy;
		this.ascending = ascending;
		this.entityName = database.read(em -> em.getMetamodel().entity(type).getName());
	}

	@Override
	public long count() {
		return database.read(em -> em.createQuery("SELECT COUNT(r) FROM " + entityName + " r WHERE r.tombstone = FALSE", Long.class)
				.getSingleResult());
	}

	@Override
	public List<T> fetch(int first, int max) {
		String direction = ascending ? " ASC" : " DESC";
		return database.read(em -> em
				.createQuery("SELECT r FROM " + entityName + " r WHERE r.tombstone = FALSE ORDER BY r." + orderBy + direction + ", r.id", type)
				.setFirstResult(first).setMaxResults(max).getResultList());
	}
}
