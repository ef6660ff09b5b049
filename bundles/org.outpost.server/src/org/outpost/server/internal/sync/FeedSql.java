package org.outpost.server.internal.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.outpost.server.internal.sync.ChangeFeed.FeedRow;
import org.outpost.server.internal.sync.ScopeRules.ColumnBounds;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * What the feed's scans in SQL share ({@link ChangeFeed}'s by sequence number, {@link InitialSnapshot}'s
 * by id): the conditions of a scope's column bounds, parameters numbered as they are added, the rows
 * read. Each shape of bounds makes one SQL text, so its statement stays prepared on its connection.
 */
final class FeedSql {

	/** Beyond this many values an {@code IN} list costs the database more than the rows it saves sending (and drivers cap parameters). */
	private static final int MOST_BOUND_VALUES = 1000;

	private FeedSql() {
	}

	/** {@code ?n, ?n+1, ...} for the values, which are added to {@code parameters}. */
	static String placeholders(List<Object> parameters, Collection<?> values) {
		List<String> marks = new ArrayList<>();
		for (Object value : values) {
			parameters.add(value);
			marks.add("?" + parameters.size());
		}
		return String.join(", ", marks);
	}

	/**
	 * Appends the bounds' conditions: on the org unit (unless {@code byOrgUnit}: the scan reads one
	 * org unit and says which itself), the location and the due date.
	 */
	static void bounded(StringBuilder sql, List<Object> parameters, ColumnBounds bounds, boolean byOrgUnit) {
		if (!byOrgUnit && bounds.orgUnits() != null && bounds.orgUnits().size() <= MOST_BOUND_VALUES) {
			sql.append(bounds.orgUnits().isEmpty() ? " AND ORG_UNIT IS NULL"
					: " AND (ORG_UNIT IS NULL OR ORG_UNIT IN (" + placeholders(parameters, bounds.orgUnits()) + "))");
		}
		if (bounds.locations() != null && bounds.locations().size() <= MOST_BOUND_VALUES) {
			sql.append(bounds.locations().isEmpty() ? " AND LOCATION IS NULL"
					: " AND (LOCATION IS NULL OR LOCATION IN (" + placeholders(parameters, bounds.locations()) + "))");
		}
		if (bounds.dueFrom() != null) {
			sql.append(" AND (DUE_DATE IS NULL OR DUE_DATE BETWEEN ").append(placeholders(parameters, List.of(bounds.dueFrom()))).append(" AND ")
					.append(placeholders(parameters, List.of(bounds.dueTo()))).append(')');
		}
	}

	/** The query of {@code sql} with {@code parameters} bound to {@code ?1, ?2, ...}. */
	static Query query(EntityManager em, CharSequence sql, List<Object> parameters) {
		Query query = em.createNativeQuery(sql.toString());
		for (int p = 0; p < parameters.size(); p++) {
			query.setParameter(p + 1, parameters.get(p));
		}
		return query;
	}

	/** The rows of a query of {@link FeedRow#COLUMNS}. */
	static List<FeedRow> rows(EntityManager em, CharSequence sql, List<Object> parameters) {
		List<FeedRow> rows = new ArrayList<>();
		for (Object row : query(em, sql, parameters).getResultList()) {
			rows.add(FeedRow.of((Object[]) row));
		}
		return rows;
	}
}
