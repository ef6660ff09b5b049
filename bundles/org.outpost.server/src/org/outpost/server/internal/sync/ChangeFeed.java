package org.outpost.server.internal.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
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
import org.outpost.server.internal.store.StoredRecord;

import jakarta.persistence.EntityManager;

/**
 * The pull side of sync: per category, the records changed after the device's cursor that lie in
 * its scope, in sequence order, a page at a time, their stored bodies streamed unparsed; and the
 * records that an edit moved out of its scope ({@code left}, from the {@link ScopeMove} log).
 * <p>
 * A cursor is {@code <last sequence scanned>.<scope fingerprint>}. The fingerprint covers all that
 * decides the scope (the user's org units and permissions, the device's settings with what the
 * server imposes and, for events, today's date window). When it differs from the current one the
 * scope changed: the feed starts again from the beginning and says so ({@code reset}), so the
 * device receives the records that entered its scope and learns, after the last page, which ones
 * left it.
 * <p>
 * A move is announced at its own sequence number when the record's columns before it were in the
 * scope and the record's current ones are not (a record that came back is sent as a record
 * instead). The device may not have held it: removing what it does not hold does nothing, and the
 * announcement names only a record that was in its scope.
 */
public final class ChangeFeed {

	static final String READ_ONLY = "eclipselink.read-only";

	private ChangeFeed() {
	}

	public static ServedPage page(EntityManager em, Directory.View directory, UserScope user, ChangesRequest request, LocalDate today) {
		List<String> types = RecordTypes.ofCategory(request.category());
		if (types.isEmpty()) {
			throw new ProtocolException(ErrorCode.UNKNOWN_CATEGORY,
					"There is no sync category '" + request.category() + "'; known: " + String.join(", ", RecordTypes.categories()));
		}
		DeviceScope device = directory.settings().imposeOn(request.scope());
		for (String unit : device.orgUnits()) {
			if (!user.orgUnits().contains(unit)) {
				throw new ProtocolException(ErrorCode.FORBIDDEN, "The org unit " + unit + " the device asks for is outside your assignments");
			}
		}
		Set<String> deviceUnits = device.orgUnits().isEmpty() ? Set.of() : directory.withSubUnits(device.orgUnits());
		ScopeRules rules = new ScopeRules(user, device, deviceUnits, today);
		String fingerprint = fingerprint(request.category(), user, device, types.contains("event") ? rules : null);

		long after = 0;
		boolean reset = false;
		if (request.cursor() != null) {
			Cursor cursor = Cursor.parse(request.cursor());
			if (cursor.fingerprint().equals(fingerprint)) {
				after = cursor.sequence();
			} else {
				reset = true;
			}
		}

		List<StoredWireRecord> records = new ArrayList<>();
		List<LeftRecord> left = new ArrayList<>();
		long scanned = after;
		int batchSize = Math.max(100, request.limit() * 2);
		boolean full = false;
		boolean exhausted = false;
		while (!full && !exhausted) {
			List<StoredRecord> batch = em
					.createQuery("SELECT r FROM StoredRecord r WHERE r.type IN :types AND r.rev > :after ORDER BY r.rev", StoredRecord.class)
					.setParameter("types", types).setParameter("after", scanned).setMaxResults(batchSize)
					// read-only: the rows are copied to the wire, never changed; EclipseLink skips cloning and change tracking
					.setHint(READ_ONLY, true).getResultList();
			exhausted = batch.size() < batchSize;
			if (batch.isEmpty()) {
				break;
			}
			// every move has a sequence number at or below its record's current one, so the batch's range holds the moves to look at
			Map<Long, LeftRecord> moves = movesOutOfScope(em, types, rules, scanned, batch.get(batch.size() - 1).getRev());
			Iterator<LeftRecord> move = moves.values().iterator();
			LeftRecord nextMove = move.hasNext() ? move.next() : null;
			for (StoredRecord record : batch) {
				while (nextMove != null && nextMove.rev() <= record.getRev()) {
					if (records.size() + left.size() == request.limit()) {
						full = true;
						break;
					}
					left.add(nextMove);
					scanned = nextMove.rev();
					nextMove = move.hasNext() ? move.next() : null;
				}
				if (full || records.size() + left.size() == request.limit()) {
					full = true;
					break;
				}
				RecordType type = RecordTypes.find(record.getType()).orElseThrow();
				if (rules.visible(type, record.getOrgUnit(), record.getLocation(), record.getDueDate(), record.getOwner(), record.getStatus())) {
					records.add(toStoredWire(record));
				}
				scanned = record.getRev();
			}
		}
		// full: the page stopped before a record or move it has not looked at, so there is more
		return new ServedPage(request.category(), records, left, new Cursor(scanned, fingerprint).toString(), full, reset);
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

	private static StoredWireRecord toStoredWire(StoredRecord record) {
		return new StoredWireRecord(record.getType(), record.getId(), record.getRev(), record.isTombstone(), record.getOrgUnit(), record.getLocation(),
				record.getDueDate(), record.getOwner(), record.isTombstone() ? "{}" : record.getBody());
	}

	/** A record as it travels; a tombstone carries no body. */
	public static WireRecord toWire(StoredRecord record) {
		return new WireRecord(record.getType(), record.getId(), record.getRev(), record.isTombstone(), record.getOrgUnit(), record.getLocation(),
				record.getDueDate(), record.getOwner(), record.isTombstone() ? JsonCodec.newObject() : JsonCodec.parseObject(record.getBody()));
	}

	private static String fingerprint(String category, UserScope user, DeviceScope device, ScopeRules eventWindow) {
		StringBuilder text = new StringBuilder(category).append('|').append(new TreeSet<>(user.orgUnits())).append('|')
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

	private record Cursor(long sequence, String fingerprint) {

		static Cursor parse(String text) {
			int dot = text.indexOf('.');
			try {
				if (dot > 0 && text.length() - dot == 17) {
					long sequence = Long.parseLong(text.substring(0, dot));
					if (sequence >= 0) {
						return new Cursor(sequence, text.substring(dot + 1));
					}
				}
			} catch (NumberFormatException e) {
				// falls through to the refusal below
			}
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The cursor '" + text + "' is not one this server gave out");
		}

		@Override
		public String toString() {
			return sequence + "." + fingerprint;
		}
	}
}
