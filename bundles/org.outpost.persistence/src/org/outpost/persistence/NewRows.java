package org.outpost.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Writes many entities that are new to the database as JDBC batches of their mapped columns, in
 * the caller's transaction, without the persistence context: no change sets, no merge into the
 * shared cache (a new row has nothing cached), for bulk loads such as an initial sync. The columns
 * come from EclipseLink's mapping of the class, so any contributed entity whose attributes are all
 * plain columns of one table qualifies ({@link #insertable}); others go through {@code persist}.
 * The rows are given as entities ({@link #insert}) or as their column values ({@link #insertRows},
 * in {@link RowColumns} order), so a bulk load need not build an entity per row.
 */
public final class NewRows {

	private NewRows() {
	}

	/**
	 * True when {@link #insert} can write {@code type}: one table, only direct column mappings, no
	 * generated ids, no inheritance, and no lifecycle callbacks (which a plain insert would skip).
	 */
	public static boolean insertable(EntityManager em, Class<?> type) {
		ClassDescriptor descriptor = descriptor(em, type);
		if (descriptor == null || descriptor.hasInheritance() || descriptor.hasMultipleTables() || descriptor.usesSequenceNumbers()
				|| descriptor.isAggregateDescriptor() || descriptor.getPrimaryKeyFields().size() != 1
				|| descriptor.getEventManager().hasAnyEventListeners()) {
			return false;
		}
		return descriptor.getMappings().stream().allMatch(mapping -> mapping instanceof AbstractDirectMapping && !mapping.isReadOnly());
	}

	/**
	 * Of {@code ids}, those with a row of {@code type}'s table: one prepared query whatever their number
	 * (the ids travel as one array parameter), read in the caller's transaction.
	 */
	public static Set<String> existingIds(EntityManager em, Class<?> type, Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		if (ids.isEmpty()) {
			return existing;
		}
		ClassDescriptor descriptor = requireInsertable(em, type);
		String sql = "SELECT " + descriptor.getPrimaryKeyFields().get(0).getNameDelimited(platform(em)) + " FROM "
				+ descriptor.getDefaultTable().getQualifiedNameDelimited(platform(em)) + " WHERE "
				+ descriptor.getPrimaryKeyFields().get(0).getNameDelimited(platform(em)) + " IN (UNNEST(?))";
		Connection connection = connection(em);
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			Array array = connection.createArrayOf("VARCHAR", ids.toArray());
			query.setArray(1, array);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					existing.add(rows.getString(1));
				}
			}
		} catch (SQLException e) {
			throw new PersistenceException("Could not look up " + ids.size() + " ids in " + descriptor.getTableName() + ": " + e.getMessage(), e);
		}
		return existing;
	}

	/**
	 * Inserts the entities, all of {@code type} and none of them in the database yet, in JDBC
	 * batches inside the caller's transaction: they are committed or rolled back with it. The
	 * entities are not managed afterwards; read them again to change them.
	 */
	public static void insert(EntityManager em, Class<?> type, List<?> entities) {
		if (entities.isEmpty()) {
			return;
		}
		RowColumns columns = RowColumns.of(em, type);
		insertRows(em, columns, entities.stream().map(columns::columnValues).toList());
	}

	/**
	 * Inserts rows of {@code columns}' entity, none of them in the database yet, each given as its
	 * column values in {@link RowColumns} order ({@link RowColumns#columnValue}), in JDBC batches
	 * inside the caller's transaction: for a bulk load that makes no entity per row.
	 */
	public static void insertRows(EntityManager em, RowColumns columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		ClassDescriptor descriptor = requireInsertable(em, columns.type());
		AbstractSession session = session(em);
		DatabasePlatform platform = platform(em);
		List<AbstractDirectMapping> mappings = columns.mappings();
		List<String> names = new ArrayList<>();
		for (AbstractDirectMapping mapping : mappings) {
			names.add(mapping.getField().getNameDelimited(platform));
		}
		String sql = "INSERT INTO " + descriptor.getDefaultTable().getQualifiedNameDelimited(platform) + " (" + String.join(", ", names)
				+ ") VALUES (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
		try (PreparedStatement insert = connection(em).prepareStatement(sql)) {
			for (Object[] row : rows) {
				if (row.length != mappings.size()) {
					throw new IllegalArgumentException("A row of " + descriptor.getTableName() + " has " + mappings.size() + " columns, not " + row.length);
				}
				for (int i = 0; i < row.length; i++) {
					if (row[i] == null) {
						insert.setNull(i + 1, platform.getJDBCTypeForSetNull(mappings.get(i).getField()));
					} else {
						platform.setParameterValueInDatabaseCall(row[i], insert, i + 1, session);
					}
				}
				insert.addBatch();
			}
			insert.executeBatch();
		} catch (SQLException e) {
			throw new PersistenceException("Could not insert " + rows.size() + " rows into " + descriptor.getTableName() + ": " + e.getMessage(), e);
		}
	}

	static ClassDescriptor requireInsertable(EntityManager em, Class<?> type) {
		if (!insertable(em, type)) {
			throw new IllegalArgumentException(type.getName() + " is not an entity of plain columns in one table; persist it instead");
		}
		return descriptor(em, type);
	}

	private static ClassDescriptor descriptor(EntityManager em, Class<?> type) {
		return session(em).getDescriptor(Objects.requireNonNull(type, "type"));
	}

	static AbstractSession session(EntityManager em) {
		return em.unwrap(JpaEntityManager.class).getDatabaseSession();
	}

	private static DatabasePlatform platform(EntityManager em) {
		return (DatabasePlatform) session(em).getDatasourcePlatform();
	}

	/** The connection of the caller's transaction (EclipseLink starts it on the database if it has not yet). */
	private static Connection connection(EntityManager em) {
		if (!em.getTransaction().isActive()) {
			throw new IllegalStateException("NewRows works inside a transaction (LocalDatabase.write)");
		}
		return Objects.requireNonNull(em.unwrap(Connection.class), "EclipseLink gave no connection for the transaction");
	}
}
