package org.outpost.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;

import jakarta.persistence.Cache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * Writes new values into many rows that exist, as one JDBC batch of their mapped columns in the
 * caller's transaction, without the persistence context: no working copies, no change sets, for a
 * bulk update such as the records a pull brings again. The values come from unmanaged instances
 * (copies, never the shared cache's own) holding each row's values as read, with the changes made
 * on them. A row is written only while its optimistic-lock version is still the one read, as an
 * entity update would check, and that version goes up; a row changed meanwhile fails the whole
 * batch with an {@link OptimisticLockException}, which rolls the transaction back. The shared cache
 * still holds the old values: {@link #uncache} them once the transaction committed.
 */
public final class ChangedRows {

	private ChangedRows() {
	}

	/** Writes the instances, all of {@code columns}' entity, over their rows. */
	public static void update(EntityManager em, RowColumns columns, List<?> instances) {
		if (instances.isEmpty()) {
			return;
		}
		ClassDescriptor descriptor = NewRows.requireInsertable(em, columns.type());
		AbstractSession session = NewRows.session(em);
		DatabasePlatform platform = (DatabasePlatform) session.getDatasourcePlatform();
		DatabaseField idField = descriptor.getPrimaryKeyFields().get(0);
		DatabaseField versionField = descriptor.usesVersionLocking() ? descriptor.getOptimisticLockingPolicy().getWriteLockField() : null;
		List<Integer> set = new ArrayList<>();
		int idColumn = -1;
		int versionColumn = -1;
		List<String> assignments = new ArrayList<>();
		List<AbstractDirectMapping> mappings = columns.mappings();
		for (int c = 0; c < mappings.size(); c++) {
			DatabaseField field = mappings.get(c).getField();
			if (field.equals(idField)) {
				idColumn = c;
			} else if (field.equals(versionField)) {
				versionColumn = c;
			} else {
				set.add(c);
				assignments.add(field.getNameDelimited(platform) + " = ?");
			}
		}
		String version = versionField == null ? null : versionField.getNameDelimited(platform);
		if (version != null) {
			assignments.add(version + " = " + version + " + 1");
		}
		String sql = "UPDATE " + descriptor.getDefaultTable().getQualifiedNameDelimited(platform) + " SET " + String.join(", ", assignments) + " WHERE "
				+ idField.getNameDelimited(platform) + " = ?" + (versionColumn < 0 ? "" : " AND " + version + " = ?");
		Connection connection = connection(em);
		try (PreparedStatement update = connection.prepareStatement(sql)) {
			for (Object instance : instances) {
				Object[] row = columns.columnValues(instance);
				int parameter = 1;
				for (int c : set) {
					bind(update, parameter++, row[c], mappings.get(c).getField(), platform, session);
				}
				bind(update, parameter++, row[idColumn], idField, platform, session);
				if (versionColumn >= 0) {
					bind(update, parameter, row[versionColumn], versionField, platform, session);
				}
				update.addBatch();
			}
			int[] counts = update.executeBatch();
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] != 1) {
					throw new OptimisticLockException("The " + descriptor.getAlias() + " " + columns.get(idColumn, instances.get(i))
							+ " was changed or removed meanwhile; nothing of this batch is written");
				}
			}
		} catch (SQLException e) {
			throw new PersistenceException("Could not update " + instances.size() + " rows of " + descriptor.getTableName() + ": " + e.getMessage(), e);
		}
	}

	/** Drops the rows from the shared cache, so the next read sees what {@link #update} wrote. */
	public static void uncache(EntityManager em, Class<?> type, List<String> ids) {
		Cache cache = em.getEntityManagerFactory().getCache();
		ids.forEach(id -> cache.evict(type, id));
	}

	private static void bind(PreparedStatement statement, int parameter, Object value, DatabaseField field, DatabasePlatform platform,
			AbstractSession session) throws SQLException {
		if (value == null) {
			statement.setNull(parameter, platform.getJDBCTypeForSetNull(field));
		} else {
			platform.setParameterValueInDatabaseCall(value, statement, parameter, session);
		}
	}

	private static Connection connection(EntityManager em) {
		if (!em.getTransaction().isActive()) {
			throw new IllegalStateException("ChangedRows works inside a transaction (LocalDatabase.write)");
		}
		return Objects.requireNonNull(em.unwrap(Connection.class), "EclipseLink gave no connection for the transaction");
	}
}
