package org.outpost.server.internal.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Index;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

/**
 * The indexes the entities declare ({@code @Table(indexes = ...)}), created where missing. EclipseLink
 * creates them with a new table and adds missing columns to an existing one, but not the indexes
 * declared after the table was made, so a database from an older build would lack them.
 */
final class DeclaredIndexes {

	/** One {@code CREATE INDEX} statement per declared index. */
	private final List<String> statements = new ArrayList<>();

	DeclaredIndexes(List<Class<?>> entities) {
		for (Class<?> entity : entities) {
			Table table = entity.getAnnotation(Table.class);
			if (table == null) {
				continue;
			}
			for (Index index : table.indexes()) {
				// IF NOT EXISTS (HSQLDB 2.x, PostgreSQL 9.5+): an index that is there costs nothing
				statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + index.name() + " ON " + table.name() + " ("
						+ index.columnList() + ")");
			}
		}
	}

	/** Creates each missing index in its own transaction. */
	void createMissing(ServerStore store) {
		for (String statement : statements) {
			try {
				store.write((EntityManager em) -> em.createNativeQuery(statement).executeUpdate());
			} catch (PersistenceException e) {
				// another server instance starting on the same database created it at the same moment: it is there now
				store.write((EntityManager em) -> em.createNativeQuery(statement).executeUpdate());
			}
		}
	}
}
