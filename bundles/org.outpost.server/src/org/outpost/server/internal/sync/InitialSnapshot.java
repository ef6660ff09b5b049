package org.outpost.server.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outpost.protocol.ErrorCode;
import org.outpost.persistence.EntityManagerFactories;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.ServedPage;
import org.outpost.protocol.Messages.StoredWireRecord;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.sync.ChangeFeed.CategoryScope;
import org.outpost.server.internal.sync.ChangeFeed.FeedRow;
import org.outpost.server.internal.sync.ScopeRules.ColumnBounds;

import jakarta.persistence.EntityManager;

/**
 * A category's first pull (no cursor) served as a snapshot in (type, id) order rather than in
 * sequence order, so that an empty device inserts each table's rows in id order: its indexes
 * grow at their end instead of taking each row at a random place, which costs reading index rows
 * back from disk once a table is larger than the database's row cache.
 * <p>
 * The first page takes the change counter as committed, S. The pages send the records of the
 * category's types (in the order a device applies them, parents first) with sequence numbers up
 * to S that lie in the scope, by id; a record changed after S is left to the feed, which goes on
 * from S when the snapshot is through: everything changed during the snapshot (edits, deletions,
 * moves out of the scope, new records) comes then, once, in its last state, as for any device
 * whose cursor is S. The cursor is {@code <S>.<fingerprint>.<type>.<last id sent or passed>}
 * (the id empty before a type's first record). A scope that changed during the snapshot
 * (another fingerprint) starts the category over from the beginning in sequence order with
 * {@code reset}: the device removes what it holds and is not sent again.
 */
final class InitialSnapshot {

	/** The persistence unit's property that names its database ({@link EntityManagerFactories#HSQLDB} or PostgreSQL). */
	private static final String TARGET_DATABASE = "eclipselink.target-database";

	private InitialSnapshot() {
	}

	/**
	 * What a snapshot request gives: a page; or, when the snapshot is through and this page would
	 * send nothing, the sequence cursor the feed goes on from; or neither when the scope changed
	 * during the snapshot (the category starts over).
	 */
	record Served(ServedPage page, String feedCursor) {
	}

	/** Whether the cursor is one of a snapshot's (null: a first pull, which starts one). */
	static boolean serves(String cursor) {
		return cursor == null || Position.FORM.matcher(cursor).matches();
	}

	/** @param committed the change counter as committed, read in this request ({@link ChangeFeed#page}'s) */
	static Served page(EntityManager em, ScopeHistory history, UserScope user, CategoryScope scope, ChangesRequest request, long committed) {
		List<String> types = scope.types();
		Position at = request.cursor() == null ? new Position(committed, scope.fingerprint(), types.get(0), "")
				: Position.parse(request.cursor());
		if (!at.fingerprint().equals(scope.fingerprint())) {
			return new Served(null, null);
		}
		int first = types.indexOf(at.type());
		if (first < 0) {
			throw notGivenOut(request.cursor());
		}
		history.remember(em, scope.fingerprint(), scope.rules(), user.user(), System.currentTimeMillis());
		Set<Long> held = request.heldRevisions();
		List<StoredWireRecord> records = new ArrayList<>();
		String type = at.type();
		String after = at.after();
		// a page's worth per query: what the bounds let through is mostly in the scope
		int batch = Math.max(100, request.limit());
		for (int t = first; t < types.size() && records.size() < request.limit(); t++) {
			if (t > first) {
				type = types.get(t);
				after = "";
			}
			RecordType recordType = RecordTypes.find(type).orElseThrow();
			ColumnBounds bounds = scope.rules().bounds(recordType);
			while (records.size() < request.limit()) {
				List<FeedRow> rows = read(em, type, bounds, after, batch);
				for (FeedRow row : rows) {
					// one changed after S is left to the feed after the snapshot
					boolean inScope = scope.rules().visible(recordType, row.orgUnit(), row.location(), row.dueDate(), row.owner(), row.status());
					if (row.rev() <= at.sequence() && inScope && !held.contains(row.rev())) {
						records.add(ChangeFeed.toStoredWire(row));
					}
					after = row.id();
					if (records.size() == request.limit()) {
						break;
					}
				}
				if (rows.size() < batch) {
					break;
				}
			}
		}
		boolean through = records.size() < request.limit();
		Position next = new Position(at.sequence(), at.fingerprint(), type, after);
		String feedCursor = at.sequence() + "." + at.fingerprint();
		if (through && records.isEmpty()) {
			return new Served(null, feedCursor);
		}
		// through, the feed goes on from S unless nothing was committed since
		boolean hasMore = !through || committed > at.sequence();
		long remaining = !hasMore ? 0
				: request.cursor() == null || request.countRemaining() ? remaining(em, types, at.sequence(), through ? null : next)
						: ChangePage.UNKNOWN_REMAINING;
		return new Served(new ServedPage(request.category(), records, List.of(), through ? feedCursor : next.toString(), hasMore, false, remaining),
				null);
	}

	/**
	 * A type's records after {@code after} by id, inside the bounds: an index range scan of (type,
	 * id), in SQL of its own because HSQLDB picks the first index on the type's column, (type,
	 * sequence), and sorts the type's rows for every page unless told {@code USING INDEX} (which
	 * PostgreSQL does not know, nor need). The sequence number is checked by the caller: a range
	 * condition on it could make a database take the sequence's index instead.
	 */
	private static List<FeedRow> read(EntityManager em, String type, ColumnBounds bounds, String after, int size) {
		List<Object> parameters = new ArrayList<>(List.of(type, after));
		StringBuilder sql = new StringBuilder("SELECT " + FeedRow.COLUMNS + " FROM OP_RECORD WHERE RTYPE = ?1 AND ID > ?2");
		FeedSql.bounded(sql, parameters, bounds, false);
		sql.append(" ORDER BY RTYPE, ID LIMIT ").append(size);
		if (EntityManagerFactories.HSQLDB.equals(em.getEntityManagerFactory().getProperties().get(TARGET_DATABASE))) {
			sql.append(" USING INDEX");
		}
		return FeedSql.rows(em, sql, parameters);
	}

	/**
	 * For progress, an upper bound of the records still to come in the category, before the scope
	 * filter: the snapshot's rest after {@code from} (null: it is through), and what changed after
	 * {@code sequence} (S), which the feed sends afterwards.
	 */
	private static long remaining(EntityManager em, List<String> types, long sequence, Position from) {
		long remaining = 0;
		int current = from == null ? types.size() : types.indexOf(from.type());
		for (int t = 0; t < types.size(); t++) {
			String type = types.get(t);
			if (t > current) {
				remaining += em.createQuery("SELECT COUNT(r) FROM StoredRecord r WHERE r.type = :type", Long.class).setParameter("type", type)
						.getSingleResult();
				continue;
			}
			if (t == current) {
				remaining += em.createQuery("SELECT COUNT(r) FROM StoredRecord r WHERE r.type = :type AND r.id > :after", Long.class)
						.setParameter("type", type).setParameter("after", from.after()).getSingleResult();
			}
			// on the (type, sequence) index: the changes after S, few while a snapshot runs
			remaining += em.createQuery("SELECT COUNT(r) FROM StoredRecord r WHERE r.type = :type AND r.rev > :upTo", Long.class)
					.setParameter("type", type).setParameter("upTo", sequence).getSingleResult();
		}
		return remaining;
	}

	private static ProtocolException notGivenOut(String cursor) {
		return new ProtocolException(ErrorCode.INVALID_REQUEST, "The cursor '" + cursor + "' is not one this server gave out");
	}

	/** Where a snapshot is: its sequence number S, the scope's fingerprint, the type and the last id it sent or passed. */
	private record Position(long sequence, String fingerprint, String type, String after) {

		static final Pattern FORM = Pattern.compile("(\\d{1,18})\\.([0-9a-f]{16})\\.([a-z]{1,32})\\.(.{0,36})");

		static Position parse(String text) {
			Matcher parts = FORM.matcher(text);
			if (!parts.matches()) {
				throw notGivenOut(text);
			}
			return new Position(Long.parseLong(parts.group(1)), parts.group(2), parts.group(3), parts.group(4));
		}

		@Override
		public String toString() {
			return sequence + "." + fingerprint + "." + type + "." + after;
		}
	}
}
