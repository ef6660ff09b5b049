package org.outpost.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.outpost.core.record.SyncedRecord;

import jakarta.persistence.Cache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Gives held records the revision the server's answer to a push gave them, as one JDBC batch in
 * the caller's transaction instead of a read and a change set per record: a record moves only
 * while it is still at the revision the answer started from and not deleted here. Their
 * optimistic-lock version goes up as an entity update's would. The shared cache still holds the
 * old revisions: {@link #uncache} them once the transaction committed (before, a reader could
 * cache the old row again).
 */
public final class RevisionMoves {

	/** A record at revision {@code from} that the server now holds, exactly as it is, at {@code to}. */
	public record Move(String id, long from, long to) {
	}

	private RevisionMoves() {
	}

	/** Applies the moves of records of {@code type}; the moves that applied, to {@link #uncache} after the commit. */
	public static List<Move> apply(EntityManager em, Class<? extends SyncedRecord> type, List<Move> moves) {
		if (moves.isEmpty()) {
			return List.of();
		}
		if (!em.getTransaction().isActive()) {
			throw new IllegalStateException("RevisionMoves works inside a transaction (LocalDatabase.write)");
		}
		ClassDescriptor descriptor = em.unwrap(JpaEntityManager.class).getDatabaseSession().getDescriptor(Objects.requireNonNull(type, "type"));
		return descriptor.hasInheritance() || descriptor.hasMultipleTables() ? throughEntities(em, type, moves) : inBatch(em, descriptor, moves);
	}

	/** Drops the moved records from the shared cache, so the next read sees their new revisions. */
	public static void uncache(EntityManager em, Class<? extends SyncedRecord> type, List<Move> applied) {
		Cache cache = em.getEntityManagerFactory().getCache();
		applied.forEach(move -> cache.evict(type, move.id()));
	}

	private static List<Move> inBatch(EntityManager em, ClassDescriptor descriptor, List<Move> moves) {
		DatabasePlatform platform = (DatabasePlatform) em.unwrap(JpaEntityManager.class).getDatabaseSession().getDatasourcePlatform();
		String revision = column(descriptor, "revision", platform);
		String version = column(descriptor, "localVersion", platform);
		String sql = "UPDATE " + descriptor.getDefaultTable().getQualifiedNameDelimited(platform) + " SET " + revision + " = ?, " + version + " = "
				+ version + " + 1 WHERE " + descriptor.getPrimaryKeyFields().get(0).getNameDelimited(platform) + " = ? AND " + revision + " = ? AND "
				+ column(descriptor, "tombstone", platform) + " = FALSE";
		// the transaction's own connection (unwrapping it begins the transaction on the database)
		Connection connection = Objects.requireNonNull(em.unwrap(Connection.class), "EclipseLink gave no connection for the transaction");
		try (PreparedStatement update = connection.prepareStatement(sql)) {
			for (Move move : moves) {
				update.setLong(1, move.to());
				update.setString(2, move.id());
				update.setLong(3, move.from());
				update.addBatch();
			}
			int[] counts = update.executeBatch();
			List<Move> applied = new ArrayList<>();
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0) {
					applied.add(moves.get(i));
				}
			}
			return applied;
		} catch (SQLException e) {
			throw new PersistenceException("Could not give " + moves.size() + " records of " + descriptor.getTableName() + " their new revisions: "
					+ e.getMessage(), e);
		}
	}

	/** An entity of several tables: record by record through the persistence context. */
	private static List<Move> throughEntities(EntityManager em, Class<? extends SyncedRecord> type, List<Move> moves) {
		List<Move> applied = new ArrayList<>();
		for (Move move : moves) {
			SyncedRecord record = em.find(type, move.id());
			if (record != null && !record.isTombstone() && record.getRevision() == move.from()) {
				record.setRevision(move.to());
				applied.add(move);
			}
		}
		return applied;
	}

	private static String column(ClassDescriptor descriptor, String attribute, DatabasePlatform platform) {
		return descriptor.getMappingForAttributeName(attribute).getField().getNameDelimited(platform);
	}
}
