package org.outpost.persistence;

import java.util.List;
import java.util.Objects;

import org.outpost.core.record.SortableRecordSource;
import org.outpost.core.record.SyncedRecord;

import jakarta.persistence.TypedQuery;

/**
 * Reads live (non-deleted) records of one entity class page by page, optionally filtered, ordered
 * by one attribute and then by id (both in the same direction) so that pages never overlap. The database does the filtering,
 * sorting and paging; nothing beyond a page is loaded.
 */
public final class JpaRecordSource<T extends SyncedRecord> implements SortableRecordSource<T> {

	private final LocalDatabase database;
	private final Class<T> type;
	private final String orderBy;
	private final boolean ascending;
	private final Where where;
	private final String entityName;

	/**
	 * @param orderBy an attribute of {@code type}; checked against the entity's attributes
	 */
	public JpaRecordSource(LocalDatabase database, Class<T> type, String orderBy, boolean ascending) {
		this(database, type, orderBy, ascending, Where.ALL);
	}

	/**
	 * @param orderBy an attribute of {@code type}; checked against the entity's attributes
	 * @param where which records to show
	 */
	public JpaRecordSource(LocalDatabase database, Class<T> type, String orderBy, boolean ascending, Where where) {
		this.database = Objects.requireNonNull(database, "database");
		this.type = Objects.requireNonNull(type, "type");
		this.where = Objects.requireNonNull(where, "where");
		if (!orderBy.matches("[A-Za-z][A-Za-z0-9]*")) {
			throw new IllegalArgumentException("Not an attribute name: '" + orderBy + "'");
		}
		this.orderBy = orderBy;
		this.ascending = ascending;
		this.entityName = database.read(em -> {
			em.getMetamodel().entity(type).getAttribute(orderBy); // throws IllegalArgumentException naming the attribute
			return em.getMetamodel().entity(type).getName();
		});
	}

	@Override
	public JpaRecordSource<T> sortedBy(String attribute, boolean inAscendingOrder) {
		return new JpaRecordSource<>(database, type, attribute, inAscendingOrder, where);
	}

	/** Other records in the same order. */
	public JpaRecordSource<T> filteredBy(Where condition) {
		return new JpaRecordSource<>(database, type, orderBy, ascending, condition);
	}

	@Override
	public String sortKey() {
		return orderBy;
	}

	@Override
	public boolean ascending() {
		return ascending;
	}

	@Override
	public long count() {
		return database.read(em -> bind(em.createQuery("SELECT COUNT(r) FROM " + entityName + " r" + condition(), Long.class)).getSingleResult());
	}

	@Override
	public List<T> fetch(int first, int max) {
		// the id breaks ties in the same direction, so an index on (attribute, id) serves the ORDER BY and
		// the database reads only the page; a mixed direction makes HSQLDB sort every row for each page
		String direction = ascending ? " ASC" : " DESC";
		return database.read(em -> bind(em.createQuery("SELECT r FROM " + entityName + " r" + condition() + " ORDER BY r." + orderBy + direction + ", r.id" + direction, type))
				.setFirstResult(first).setMaxResults(max).getResultList());
	}

	private String condition() {
		return " WHERE r.tombstone = FALSE" + (where.jpql().isEmpty() ? "" : " AND (" + where.jpql() + ")");
	}

	private <Q> TypedQuery<Q> bind(TypedQuery<Q> query) {
		where.parameters().forEach(query::setParameter);
		return query;
	}
}
