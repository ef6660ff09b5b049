package org.outpost.server.internal.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.LeftRecord;
import org.outpost.protocol.Messages.ServedPage;
import org.outpost.protocol.Messages.StoredWireRecord;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.store.ScopeColumns;
import org.outpost.server.internal.store.ScopeMove;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredRecord;
import org.outpost.server.internal.sync.ScopeRules.ColumnBounds;

import jakarta.persistence.EntityManager;

/**
 * The pull side of sync: per category, the records changed after the device's cursor that lie in
 * its scope, in sequence order, a page at a time, their stored bodies streamed unparsed; and the
 * records that an edit moved out of its scope ({@code left}, from the {@link ScopeMove} log). A
 * category's first pull (no cursor) is a snapshot in (type, id) order up to the sequence number
 * it started at ({@link InitialSnapshot}), after which the feed goes on from that number.
 * <p>
 * A cursor is {@code <last sequence scanned>.<scope fingerprint>}. The fingerprint covers all that
 * decides the scope (the user's name, org units and permissions, the device's settings with what the
 * server imposes and, for events, today's date window); {@link ScopeHistory} keeps what it stands
 * for. When it differs from the current one the scope changed (a setting, an assignment, the date
 * window moving with the days), and the feed sends the difference: one pass over the category
 * from the beginning sends, among the records the device had seen (up to the old cursor), those
 * that entered the scope and announces those that left it; after the old cursor it goes on as
 * usual under the new scope, also announcing what the device may hold from the old scope and the
 * new one no longer covers. While that pass runs the cursor carries the old cursor and fingerprint:
 * {@code <scanned>.<fingerprint>.<old sequence>.<old fingerprint>}. When the old scope is not known
 * (any more), or the scope changes again during the pass, the feed starts again from the beginning
 * and says so ({@code reset}): the device then learns after the last page that what it holds and
 * did not receive has left its scope.
 * <p>
 * A move is announced at its own sequence number when the record's columns before it were in the
 * scope and the record's current ones are not (a record that came back is sent as a record
 * instead). The device may not have held it: removing what it does not hold does nothing, and the
 * announcement names only a record that was in its scope.
 */
public final class ChangeFeed {

	static final String READ_ONLY = "eclipselink.read-only";
	/** Up to this many org units a scope's records are read by org unit (a query each), beyond it by type with the units as a filter. */
	private static final int FEW_ORG_UNITS = 4;
	/** Up to this many org units {@link #hasChanges} asks per org unit (two index seeks each), beyond it per type. */
	private static final int ASKED_BY_UNIT = 16;

	private ChangeFeed() {
	}

	/** A scope change being sent as a difference: the device's cursor and scope before it. */
	private record Transition(long since, ScopeRules before, String beforeFingerprint) {
	}

	/** A category's record types, and the scope a device gets in it with what the server imposes. */
	record CategoryScope(List<String> types, ScopeRules rules, String fingerprint) {

		static CategoryScope of(Directory.View directory, UserScope user, String category, DeviceScope requested, LocalDate today) {
			List<String> types = RecordTypes.ofCategory(category);
			if (types.isEmpty()) {
				throw new ProtocolException(ErrorCode.UNKNOWN_CATEGORY,
						"There is no sync category '" + category + "'; known: " + String.join(", ", RecordTypes.categories()));
			}
			DeviceScope device = directory.settings().imposeOn(requested);
			for (String unit : device.orgUnits()) {
				if (!user.orgUnits().contains(unit)) {
					throw new ProtocolException(ErrorCode.FORBIDDEN, "The org unit " + unit + " the device asks for is outside your assignments");
				}
			}
			Set<String> deviceUnits = device.orgUnits().isEmpty() ? Set.of() : directory.withSubUnits(device.orgUnits());
			ScopeRules rules = new ScopeRules(user, device, deviceUnits, today);
			// documents filed under events follow the events' date window too
			boolean dated = types.contains("event") || types.contains(AttachmentScope.DOCUMENT);
			return new CategoryScope(types, rules, ChangeFeed.fingerprint(category, user, device, dated ? rules : null));
		}
	}

	/**
	 * Whether a pull of the category from {@code cursor} would bring anything: false only when the
	 * cursor is a finished one of the current scope and no record of the category that may be in
	 * the scope changed after it, nor moved out of it. For a scope of few org units that is asked
	 * per org unit (and for records without one) of the records by their current org unit and of
	 * the moves by the one they left: what the device should receive is in one of its org units
	 * now, what left it was in one before. Otherwise any record of the category after the cursor
	 * counts (every move has a sequence number at or below its record's current one). Each question
	 * is an index seek, so a device that pulls only when told does not make the server walk a
	 * range that grows with the others' changes. True when unsure: the pull then decides.
	 */
	public static boolean hasChanges(EntityManager em, Directory.View directory, UserScope user, String category, String cursor,
			DeviceScope requested, LocalDate today) {
		CategoryScope scope = CategoryScope.of(directory, user, category, requested, today);
		if (InitialSnapshot.serves(cursor)) {
			// a first pull, or a snapshot not through yet
			return true;
		}
		Cursor at = Cursor.parse(cursor);
		if (at.sweep() || at.beforeFingerprint() != null || !at.fingerprint().equals(scope.fingerprint())) {
			return true;
		}
		for (String type : scope.types()) {
			Set<String> units = scope.rules().bounds(RecordTypes.find(type).orElseThrow()).orgUnits();
			if (units == null || units.size() > ASKED_BY_UNIT) {
				if (!em.createNativeQuery("SELECT REV FROM OP_RECORD WHERE RTYPE = ?1 AND REV > ?2 ORDER BY RTYPE, REV LIMIT 1").setParameter(1, type)
						.setParameter(2, at.sequence()).getResultList().isEmpty()) {
					return true;
				}
				continue;
			}
			List<String> unitsAndNone = new ArrayList<>(units);
			unitsAndNone.add(null);
			for (String unit : unitsAndNone) {
				if (changedAfter(em, "OP_RECORD", type, unit, at.sequence()) || changedAfter(em, "OP_SCOPE_MOVE", type, unit, at.sequence())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a row of {@code table} (records or moves) of the type and org unit (null: none) has a
	 * sequence number after {@code after}. In SQL of one text per table and shape: the statement
	 * stays prepared on its connection, where JPQL was parsed, built into SQL and prepared anew on
	 * every call (most of what {@link #hasChanges} cost).
	 */
	private static boolean changedAfter(EntityManager em, String table, String type, String orgUnit, long after) {
		// ordered by the (type, org unit, sequence) index, so the database seeks it (see Scan.read)
		List<Object> parameters = new ArrayList<>(List.of(type));
		String unit = orgUnit == null ? "ORG_UNIT IS NULL" : "ORG_UNIT = " + FeedSql.placeholders(parameters, List.of(orgUnit));
		String sql = "SELECT REV FROM " + table + " WHERE RTYPE = ?1 AND " + unit + " AND REV > " + FeedSql.placeholders(parameters, List.of(after))
				+ " ORDER BY RTYPE, ORG_UNIT, REV LIMIT 1";
		return !FeedSql.query(em, sql, parameters).getResultList().isEmpty();
	}

	/**
	 * A page of the category after the request's cursor.
	 *
	 * @param committed the change counter as committed ({@link ServerStore#lastCommittedRevision}), read in this request
	 */
	public static ServedPage page(EntityManager em, Directory.View directory, ScopeHistory history, UserScope user, ChangesRequest request,
			LocalDate today, long committed) {
		CategoryScope scope = CategoryScope.of(directory, user, request.category(), request.scope(), today);
		List<String> types = scope.types();
		ScopeRules rules = scope.rules();
		String fingerprint = scope.fingerprint();

		String from = request.cursor();
		// a category's first pull is a snapshot in (type, id) order (InitialSnapshot); the feed goes on after it
		boolean restart = false;
		if (InitialSnapshot.serves(from)) {
			InitialSnapshot.Served snapshot = InitialSnapshot.page(em, history, user, scope, request, committed);
			if (snapshot.page() != null) {
				return snapshot.page();
			}
			from = snapshot.feedCursor();
			// no page and no cursor: the scope changed during the snapshot, and the device holds a part of the old one's records
			restart = from == null;
		}
		long after = 0;
		boolean reset = restart;
		boolean sweep = false;
		Transition transition = null;
		if (from != null) {
			Cursor cursor = Cursor.parse(from);
			boolean sameScope = cursor.fingerprint().equals(fingerprint);
			if (sameScope && cursor.beforeFingerprint() == null) {
				after = cursor.sequence();
				sweep = cursor.sweep();
			} else if (cursor.sweep()) {
				// the device is sweeping (it removes what a restart does not send): a difference would look like removals to it
				reset = true;
			} else {
				// the scope changed since this cursor (a difference pass from the beginning), or a difference pass goes on;
				// a scope that changed again during a pass has no old scope: the device holds a mix of both, so it starts over
				boolean passGoesOn = cursor.beforeFingerprint() != null;
				ScopeRules old = passGoesOn && !sameScope ? null
						: ScopeHistory.find(em, passGoesOn ? cursor.beforeFingerprint() : cursor.fingerprint(), user.user());
				if (old == null) {
					reset = true;
				} else {
					transition = passGoesOn ? new Transition(cursor.since(), old, cursor.beforeFingerprint())
							: new Transition(cursor.sequence(), old, cursor.fingerprint());
					after = passGoesOn ? cursor.sequence() : 0;
				}
			}
		}

		List<StoredWireRecord> records = new ArrayList<>();
		Map<String, LeftRecord> left = new LinkedHashMap<>();
		long scanned = after;
		// every number up to the committed counter is committed and visible: the scan may pass over the rows it filtered out up to it
		long end = Math.max(after, committed);
		// the database skips what lies outside the scope's columns, unless a difference pass needs the old scope's records too
		Map<String, ColumnBounds> bounds = new LinkedHashMap<>();
		for (String type : types) {
			bounds.put(type, transition == null ? rules.bounds(RecordTypes.find(type).orElseThrow()) : ColumnBounds.NONE);
		}
		// the device holds these exactly as they are (its own push made them); not while it sweeps, when what it is not sent leaves it
		Set<Long> held = reset || sweep ? Set.of() : request.heldRevisions();
		// a batch per type of the page's size: with several types merged, a larger one read rows the next page reads again
		int batchSize = Math.max(100, request.limit());
		boolean full = false;
		while (!full && scanned < end) {
			Batch next = nextBatch(em, bounds, scanned, end, batchSize);
			List<FeedRow> batch = next.records();
			long to = next.upTo();
			// every move has a sequence number at or below its record's current one, so the batch's range holds the moves to look at;
			// in a difference pass the device saw the moves up to the old cursor already
			long movesFrom = transition == null ? scanned : Math.max(scanned, transition.since());
			Iterator<LeftRecord> move = movesFrom >= to ? Collections.emptyIterator()
					: movesOutOfScope(em, types, rules, movesFrom, to).values().iterator();
			Set<String> fromOldScope = transition == null ? Set.of() : movedFromOldScope(em, batch, rules, transition);
			LeftRecord nextMove = move.hasNext() ? move.next() : null;
			for (FeedRow record : batch) {
				while (nextMove != null && nextMove.rev() <= record.rev()) {
					if (records.size() + left.size() == request.limit()) {
						full = true;
						break;
					}
					left.putIfAbsent(nextMove.id(), nextMove);
					scanned = nextMove.rev();
					nextMove = move.hasNext() ? move.next() : null;
				}
				if (full || records.size() + left.size() == request.limit()) {
					full = true;
					break;
				}
				RecordType type = RecordTypes.find(record.type()).orElseThrow();
				boolean inScope = rules.visible(type, record.orgUnit(), record.location(), record.dueDate(), record.owner(), record.status());
				if (transition == null) {
					if (inScope && !held.contains(record.rev())) {
						records.add(toStoredWire(record));
					}
				} else if (record.rev() <= transition.since()) {
					// unchanged since the device's old cursor: it holds this record exactly when the old scope covered it
					boolean wasInScope = transition.before().visible(type, record.orgUnit(), record.location(), record.dueDate(),
							record.owner(), record.status());
					if (inScope && !wasInScope) {
						records.add(toStoredWire(record));
					} else if (!inScope && wasInScope && !record.tombstone()) {
						left.putIfAbsent(record.id(), new LeftRecord(record.type(), record.id(), record.rev()));
					}
				} else if (inScope) {
					records.add(toStoredWire(record));
				} else if (fromOldScope.contains(record.id())) {
					left.putIfAbsent(record.id(), new LeftRecord(record.type(), record.id(), record.rev()));
				}
				scanned = record.rev();
			}
			// the moves after the batch's last record (of records the bounds filtered out, say), up to the end of its range
			while (!full && nextMove != null) {
				if (records.size() + left.size() == request.limit()) {
					full = true;
					break;
				}
				left.putIfAbsent(nextMove.id(), nextMove);
				scanned = nextMove.rev();
				nextMove = move.hasNext() ? move.next() : null;
			}
			if (!full) {
				// the whole range was looked at, also the rows the database filtered out
				scanned = to;
			}
		}
		history.remember(em, fingerprint, rules, user.user(), System.currentTimeMillis());
		// full: the page stopped before a record or move it has not looked at, so there is more
		Cursor next = !full ? new Cursor(scanned, fingerprint, 0, null, false)
				: transition != null ? new Cursor(scanned, fingerprint, transition.since(), transition.beforeFingerprint(), false)
						: new Cursor(scanned, fingerprint, 0, null, sweep || reset);
		return new ServedPage(request.category(), records, List.copyOf(left.values()), next.toString(), full, reset,
				remaining(em, types, scanned, full, request.cursor() == null || reset || request.countRemaining()));
	}

	/**
	 * The records of the batch, changed after the device's old cursor and now out of scope, that
	 * the device may hold from its old scope: their current columns, or their columns before a move
	 * since the old cursor, were in it.
	 */
	private static Set<String> movedFromOldScope(EntityManager em, List<FeedRow> batch, ScopeRules rules, Transition transition) {
		Set<String> candidates = new HashSet<>();
		Set<String> fromOld = new HashSet<>();
		for (FeedRow record : batch) {
			RecordType type = RecordTypes.find(record.type()).orElseThrow();
			if (record.rev() <= transition.since()
					|| rules.visible(type, record.orgUnit(), record.location(), record.dueDate(), record.owner(), record.status())) {
				continue;
			}
			if (transition.before().visible(type, record.orgUnit(), record.location(), record.dueDate(), record.owner(), record.status())) {
				fromOld.add(record.id());
			} else {
				candidates.add(record.id());
			}
		}
		if (!candidates.isEmpty()) {
			for (ScopeMove move : em.createQuery("SELECT m FROM ScopeMove m WHERE m.recordId IN :ids AND m.rev > :since", ScopeMove.class)
					.setParameter("ids", List.copyOf(candidates)).setParameter("since", transition.since()).setHint(READ_ONLY, true).getResultList()) {
				ScopeColumns before = move.before();
				if (transition.before().visible(RecordTypes.find(move.getType()).orElseThrow(), before.orgUnit(), before.location(), before.dueDate(),
						before.owner(), before.status())) {
					fromOld.add(move.getRecordId());
				}
			}
		}
		return fromOld;
	}

	/**
	 * The moves with sequence numbers in {@code (from, to]} of records that were in the scope before
	 * the move and are not now, by sequence number.
	 */
	private static Map<Long, LeftRecord> movesOutOfScope(EntityManager em, List<String> types, ScopeRules rules, long from, long to) {
		List<ScopeMove> moves = em
				.createQuery("SELECT m FROM ScopeMove m WHERE m.type IN :types AND m.rev > :from AND m.rev <= :to ORDER BY m.rev", ScopeMove.class)
				.setParameter("types", types).setParameter("from", from).setParameter("to", to).setHint(READ_ONLY, true).getResultList();
		Map<Long, ScopeMove> fromScope = new TreeMap<>();
		for (ScopeMove move : moves) {
			RecordType type = RecordTypes.find(move.getType()).orElseThrow();
			ScopeColumns before = move.before();
			if (rules.visible(type, before.orgUnit(), before.location(), before.dueDate(), before.owner(), before.status())) {
				fromScope.put(move.getRev(), move);
			}
		}
		Map<Long, LeftRecord> left = new TreeMap<>();
		if (fromScope.isEmpty()) {
			return left;
		}
		Map<String, StoredRecord> now = new HashMap<>();
		em.createQuery("SELECT r FROM StoredRecord r WHERE r.id IN :ids", StoredRecord.class)
				.setParameter("ids", fromScope.values().stream().map(ScopeMove::getRecordId).distinct().toList()).setHint(READ_ONLY, true)
				.getResultList().forEach(record -> now.put(record.getId(), record));
		for (ScopeMove move : fromScope.values()) {
			StoredRecord record = now.get(move.getRecordId());
			RecordType type = RecordTypes.find(move.getType()).orElseThrow();
			if (!rules.visible(type, record.getOrgUnit(), record.getLocation(), record.getDueDate(), record.getOwner(), record.getStatus())) {
				left.put(move.getRev(), new LeftRecord(move.getType(), move.getRecordId(), move.getRev()));
			}
		}
		return left;
	}

	static StoredWireRecord toStoredWire(FeedRow record) {
		return new StoredWireRecord(record.type(), record.id(), record.rev(), record.tombstone(), record.orgUnit(), record.location(),
				record.dueDate(), record.owner(), record.tombstone() ? "{}" : record.body());
	}

	/** A record of the feed as read: what the wire and the scope rules need of it. */
	record FeedRow(String type, String id, long rev, boolean tombstone, String orgUnit, String location, LocalDate dueDate, String owner,
			String status, String body) {

		/** The columns a row is read from, in the order {@link #of} takes them. */
		static final String COLUMNS = "RTYPE, ID, REV, TOMBSTONE, ORG_UNIT, LOCATION, DUE_DATE, OWNER, STATUS, BODY";

		/** A row of {@link #COLUMNS} as a native query gives it: the date as JDBC's, the flag as a number where the driver has no boolean. */
		static FeedRow of(Object[] columns) {
			return new FeedRow((String) columns[0], (String) columns[1], ((Number) columns[2]).longValue(),
					columns[3] instanceof Boolean tombstone ? tombstone : ((Number) columns[3]).intValue() != 0, (String) columns[4], (String) columns[5],
					columns[6] instanceof Date date ? date.toLocalDate() : (LocalDate) columns[6], (String) columns[7], (String) columns[8],
					(String) columns[9]);
		}
	}

	/** Records of the category with sequence numbers in {@code (after, upTo]} inside the bounds, in sequence order: all there are. */
	private record Batch(List<FeedRow> records, long upTo) {
	}

	/**
	 * One query per type, each an index range scan of (type, sequence): with all the category's
	 * types in one {@code IN} the database sorts every record of those types for each batch. A
	 * scope of few org units reads each of them by the (type, org unit, sequence) index instead,
	 * so the records of other org units are not even walked past. The scans are merged up to the
	 * lowest last sequence of a full one, so none is skipped; when none is full the batch covers
	 * the range up to {@code end}.
	 */
	private static Batch nextBatch(EntityManager em, Map<String, ColumnBounds> bounds, long after, long end, int batchSize) {
		List<Scan> scans = new ArrayList<>();
		bounds.forEach((type, typeBounds) -> scans.addAll(Scan.of(type, typeBounds)));
		// together about a batch: each scan's rows after the lowest full one's last are read again by the next batch
		int scanSize = Math.max(100, batchSize / scans.size());
		List<FeedRow> merged = new ArrayList<>();
		long complete = end;
		for (Scan scan : scans) {
			List<FeedRow> rows = scan.read(em, after, end, scanSize);
			if (rows.size() == scanSize) {
				complete = Math.min(complete, rows.get(rows.size() - 1).rev());
			}
			merged.addAll(rows);
		}
		long upTo = complete;
		merged.removeIf(record -> record.rev() > upTo);
		merged.sort(Comparator.comparingLong(FeedRow::rev));
		return new Batch(merged, upTo);
	}

	/**
	 * One index range scan of a type's records in a sequence range, inside the bounds.
	 *
	 * @param orgUnit the one org unit it reads ({@code byUnit}; null: the records without one)
	 */
	private record Scan(String type, ColumnBounds bounds, boolean byUnit, String orgUnit) {

		static List<Scan> of(String type, ColumnBounds bounds) {
			Set<String> units = bounds.orgUnits();
			if (units == null || units.size() > FEW_ORG_UNITS) {
				return List.of(new Scan(type, bounds, false, null));
			}
			List<Scan> scans = new ArrayList<>();
			scans.add(new Scan(type, bounds, true, null));
			units.stream().sorted().forEach(unit -> scans.add(new Scan(type, bounds, true, unit)));
			return scans;
		}

		List<FeedRow> read(EntityManager em, long after, long end, int size) {
			// the columns only: the rows are copied to the wire, never changed, and building entities cost more than the query; in
			// SQL, of one text per scan's shape, which stays prepared on its connection (JPQL was built into SQL on every call)
			List<Object> parameters = new ArrayList<>(List.of(type, after, end));
			StringBuilder sql = new StringBuilder("SELECT " + FeedRow.COLUMNS + " FROM OP_RECORD WHERE RTYPE = ?1 AND REV > ?2 AND REV <= ?3");
			if (byUnit) {
				sql.append(orgUnit == null ? " AND ORG_UNIT IS NULL" : " AND ORG_UNIT = " + FeedSql.placeholders(parameters, List.of(orgUnit)));
			}
			FeedSql.bounded(sql, parameters, bounds, byUnit);
			// ordered by the index's columns (the type, and the org unit when read by one, are fixed): with ORDER BY rev alone HSQLDB
			// reads every later row of the type before it applies the limit (359 ms against 1.7 ms per batch at 100,000 rows)
			sql.append(byUnit ? " ORDER BY RTYPE, ORG_UNIT, REV" : " ORDER BY RTYPE, REV").append(" LIMIT ").append(size);
			return FeedSql.rows(em, sql, parameters);
		}
	}

	/**
	 * For progress: counted once, on the first page of a scan from the beginning or when the device
	 * asks (the first page of its sync), as an upper bound (the category's records after this page,
	 * before the scope filter). Counting on every page would cost a pass over the rest of the feed
	 * per page.
	 */
	private static long remaining(EntityManager em, List<String> types, long scanned, boolean hasMore, boolean scanStart) {
		if (!hasMore) {
			return 0;
		}
		if (!scanStart) {
			return ChangePage.UNKNOWN_REMAINING;
		}
		// one count per type: with the types in one IN, HSQLDB walks the sequence index over the later records of every type
		// (400,000 rows to count 100,000 events), where a type's own range of the (type, sequence) index holds just its own
		long remaining = 0;
		for (String type : types) {
			remaining += ((Number) em.createNativeQuery("SELECT COUNT(*) FROM OP_RECORD WHERE RTYPE = ?1 AND REV > ?2").setParameter(1, type)
					.setParameter(2, scanned).getSingleResult()).longValue();
		}
		return remaining;
	}

	/** A record as it travels; a tombstone carries no body. */
	public static WireRecord toWire(StoredRecord record) {
		return new WireRecord(record.getType(), record.getId(), record.getRev(), record.isTombstone(), record.getOrgUnit(), record.getLocation(),
				record.getDueDate(), record.getOwner(), record.isTombstone() ? JsonCodec.newObject() : JsonCodec.parseObject(record.getBody()));
	}

	private static String fingerprint(String category, UserScope user, DeviceScope device, ScopeRules eventWindow) {
		// the user's name too: another user's cursor (a device that changed users) is a scope it never had
		StringBuilder text = new StringBuilder(category).append('|').append(user.user()).append('|').append(new TreeSet<>(user.orgUnits())).append('|')
				.append(new TreeSet<>(user.permissions())).append('|').append(new TreeSet<>(device.orgUnits())).append('|')
				.append(new TreeSet<>(device.locations())).append('|').append(device.syncAllRisks()).append('|').append(device.onlyMyActions());
		if (!device.closedActions()) {
			// only when set, so the default keeps the fingerprints cursors were given before this setting existed
			text.append("|open actions only");
		}
		if (eventWindow != null) {
			text.append('|').append(eventWindow.windowStart()).append('|').append(eventWindow.windowEnd());
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	/**
	 * Where a device is: the last sequence scanned under a scope; during a difference pass also its
	 * cursor and scope before the change ({@code <seq>.<fp>.<old seq>.<old fp>}); during a restart
	 * from the beginning, that the device is sweeping ({@code <seq>.<fp>.sweep}).
	 */
	private record Cursor(long sequence, String fingerprint, long since, String beforeFingerprint, boolean sweep) {

		private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\.([0-9a-f]{16})(?:\\.(\\d{1,18})\\.([0-9a-f]{16})|\\.(sweep))?");

		static Cursor parse(String text) {
			Matcher parts = FORM.matcher(text);
			if (!parts.matches()) {
				throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The cursor '" + text + "' is not one this server gave out");
			}
			long sequence = Long.parseLong(parts.group(1));
			return parts.group(3) == null ? new Cursor(sequence, parts.group(2), 0, null, parts.group(5) != null)
					: new Cursor(sequence, parts.group(2), Long.parseLong(parts.group(3)), parts.group(4), false);
		}

		@Override
		public String toString() {
			return sequence + "." + fingerprint + (beforeFingerprint != null ? "." + since + "." + beforeFingerprint : sweep ? ".sweep" : "");
		}
	}
}
