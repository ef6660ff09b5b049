package org.outpost.server.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * A push's rows in plain JDBC on the caller's transaction: its records locked and read in one
 * statement, the records it changed and the answers it logged written back as one JDBC batch per
 * statement. EclipseLink would register every record read with a copy to compare at the commit,
 * and write each with SQL of its changed columns; a push of 500 spent more on that than on its
 * decisions. The rows' ids go as one array parameter, so each statement's SQL is one text.
 */
public final class RecordRows {

	private static final String COLUMNS = "ID, RTYPE, REV, TOMBSTONE, ORG_UNIT, LOCATION, DUE_DATE, OWNER, STATUS, BODY, BLOB_SHA256, ATTACHED_TO, CHANGED_AT, CHANGED_BY";
	private static final String INSERT = "INSERT INTO OP_RECORD (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	private static final String UPDATE = "UPDATE OP_RECORD SET RTYPE = ?, REV = ?, TOMBSTONE = ?, ORG_UNIT = ?, LOCATION = ?, DUE_DATE = ?, OWNER = ?, "
			+ "STATUS = ?, BODY = ?, BLOB_SHA256 = ?, ATTACHED_TO = ?, CHANGED_AT = ?, CHANGED_BY = ? WHERE ID = ?";
	private static final String LOG = "INSERT INTO OP_MUTATION (MUTATION_ID, USER_NAME, RECORD_ID, RESULT, CREATED_AT) VALUES (?, ?, ?, ?, ?)";

	private RecordRows() {
	}

	/**
	 * Locks these records for the caller's transaction ({@link ServerStore#lockRecords}'s order and
	 * duration) and reads those that exist, by id. On PostgreSQL one {@code SELECT ... ORDER BY ID
	 * FOR UPDATE} does both (rows locked in id order, as every writer takes them); the embedded
	 * store takes its in-process locks first.
	 */
	public static Map<String, StoredRecord> lockAndRead(EntityManager em, Collection<String> ids) {
		Map<String, StoredRecord> read = new HashMap<>();
		if (ids.isEmpty()) {
			return read;
		}
		Connection connection = em.unwrap(Connection.class);
		try {
			boolean postgresql = isPostgresql(connection);
			if (!postgresql && !ServerStore.lockInProcess(ids)) {
				ServerStore.lockRecords(em, ids);
			}
			// a later member of a group must not wait (GroupCommits): it locks what is free and leaves the group if that was not all
			boolean onlyFree = postgresql && ServerStore.laterGroupMember();
			try (ResultSet rows = byIds(em, "SELECT " + COLUMNS + " FROM OP_RECORD WHERE ID", ids,
					postgresql ? " ORDER BY ID FOR UPDATE" + (onlyFree ? " SKIP LOCKED" : "") : "")) {
				while (rows.next()) {
					StoredRecord record = new StoredRecord(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getBoolean(4),
							new ScopeColumns(rows.getString(5), rows.getString(6), rows.getObject(7, LocalDate.class), rows.getString(8), rows.getString(9)),
							rows.getString(10), rows.getString(11), rows.getString(12), rows.getLong(13), rows.getString(14));
					read.put(record.getId(), record);
				}
			}
			if (onlyFree && read.size() < existing(em, ids)) {
				throw new RecordsBusy();
			}
		} catch (SQLException e) {
			throw new PersistenceException("Could not read the records to change: " + e.getMessage(), e);
		}
		return read;
	}

	private static int existing(EntityManager em, Collection<String> ids) throws SQLException {
		try (ResultSet count = byIds(em, "SELECT COUNT(*) FROM OP_RECORD WHERE ID", ids, "")) {
			count.next();
			return count.getInt(1);
		}
	}

	/** The first answers logged for these mutation ids, by id. */
	public static Map<String, MutationLogEntry> logged(EntityManager em, Collection<String> mutationIds) {
		Map<String, MutationLogEntry> logged = new HashMap<>();
		try (ResultSet rows = byIds(em, "SELECT MUTATION_ID, USER_NAME, RECORD_ID, RESULT, CREATED_AT FROM OP_MUTATION WHERE MUTATION_ID", mutationIds, "")) {
			while (rows.next()) {
				logged.put(rows.getString(1), new MutationLogEntry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5)));
			}
		} catch (SQLException e) {
			throw new PersistenceException("Could not read the mutation log: " + e.getMessage(), e);
		}
		return logged;
	}

	/** The ids of the live records attached to these (documents, by their {@code ownerId}). */
	public static Set<String> attachedTo(EntityManager em, Collection<String> ids) {
		Set<String> attached = new HashSet<>();
		try (ResultSet rows = byIds(em, "SELECT ID FROM OP_RECORD WHERE TOMBSTONE = FALSE AND ATTACHED_TO", ids, "")) {
			while (rows.next()) {
				attached.add(rows.getString(1));
			}
		} catch (SQLException e) {
			throw new PersistenceException("Could not read the attached records: " + e.getMessage(), e);
		}
		return attached;
	}

	/**
	 * Runs {@code select} (ending in the column compared) for these ids, given as one array; the
	 * result set closes its statement.
	 */
	private static ResultSet byIds(EntityManager em, String select, Collection<String> ids, String after) throws SQLException {
		Connection connection = em.unwrap(Connection.class);
		boolean postgresql = isPostgresql(connection);
		PreparedStatement statement = connection.prepareStatement(select + (postgresql ? " = ANY(?)" : " IN (UNNEST(?))") + after);
		try {
			statement.setArray(1, connection.createArrayOf(postgresql ? "varchar" : "VARCHAR", ids.stream().distinct().toArray()));
			statement.closeOnCompletion();
			return statement.executeQuery();
		} catch (SQLException e) {
			statement.close();
			throw e;
		}
	}

	/**
	 * Writes in the caller's transaction: {@code created} inserted, {@code changed} (read by
	 * {@link #lockAndRead}) updated whole, {@code log} inserted. A key another transaction took
	 * meanwhile (the same record created or mutation id answered twice at once) fails with a
	 * {@link PersistenceException}, as EclipseLink's commit did, so the write is tried again.
	 */
	public static void write(EntityManager em, Collection<StoredRecord> created, Collection<StoredRecord> changed, List<MutationLogEntry> log) {
		Connection connection = em.unwrap(Connection.class);
		try {
			if (!created.isEmpty()) {
				try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
					for (StoredRecord record : created) {
						insert.setString(1, record.getId());
						setColumns(insert, 2, record);
						insert.addBatch();
					}
					insert.executeBatch();
				}
			}
			if (!changed.isEmpty()) {
				try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
					for (StoredRecord record : changed) {
						setColumns(update, 1, record);
						update.setString(14, record.getId());
						update.addBatch();
					}
					update.executeBatch();
				}
			}
			if (!log.isEmpty()) {
				try (PreparedStatement insert = connection.prepareStatement(LOG)) {
					for (MutationLogEntry entry : log) {
						insert.setString(1, entry.getMutationId());
						insert.setString(2, entry.getUserName());
						insert.setString(3, entry.getRecordId());
						insert.setString(4, entry.getResult());
						insert.setLong(5, entry.getCreatedAt());
						insert.addBatch();
					}
					insert.executeBatch();
				}
			}
		} catch (SQLException e) {
			throw new PersistenceException("Could not write the pushed records: " + e.getMessage(), e);
		}
	}

	/** The columns after the id, from {@code first} on, in {@link #COLUMNS}' order. */
	private static void setColumns(PreparedStatement statement, int first, StoredRecord record) throws SQLException {
		int i = first;
		statement.setString(i++, record.getType());
		statement.setLong(i++, record.getRev());
		statement.setBoolean(i++, record.isTombstone());
		statement.setString(i++, record.getOrgUnit());
		statement.setString(i++, record.getLocation());
		if (record.getDueDate() == null) {
			statement.setNull(i++, Types.DATE);
		} else {
			statement.setObject(i++, record.getDueDate());
		}
		statement.setString(i++, record.getOwner());
		statement.setString(i++, record.getStatus());
		statement.setString(i++, record.getBody());
		statement.setString(i++, record.getBlobSha256());
		statement.setString(i++, record.getAttachedTo());
		statement.setLong(i++, record.getChangedAt());
		statement.setString(i, record.getChangedBy());
	}

	static boolean isPostgresql(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
	}
}
