package org.outpost.server.internal.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.store.StoredRecord;

import jakarta.persistence.EntityManager;

/**
 * The pull side of sync: per category, the records changed after the device's cursor that lie in
 * its scope, in sequence order, a page at a time.
 * <p>
 * A cursor is {@code <last sequence scanned>.<scope fingerprint>}. The fingerprint covers all that
 * decides the scope (the user's org units and permissions, the device's settings and, for events,
 * today's date window). When it differs from the current one the scope changed: the feed starts
 * again from the beginning and says so ({@code reset}), so the device receives the records that
 * entered its scope and learns, after the last page, which ones left it.
 */
public final class ChangeFeed {

	static final String READ_ONLY = "eclipselink.read-only";

	private ChangeFeed() {
	}

	public static ChangePage page(EntityManager em, UserScope user, ChangesRequest request, LocalDate today) {
		List<String> types = RecordTypes.ofCategory(request.category());
		if (types.isEmpty()) {
			throw new ProtocolException(ErrorCode.UNKNOWN_CATEGORY,
					"There is no sync category '" + request.category() + "'; known: " + String.join(", ", RecordTypes.categories()));
		}
		DeviceScope device = ServerSettings.read(em).imposeOn(request.scope());
		for (String unit : device.orgUnits()) {
			if (!user.orgUnits().contains(unit)) {
				throw new ProtocolException(ErrorCode.FORBIDDEN, "The org unit " + unit + " the device asks for is outside your assignments");
			}
		}
		Set<String> deviceUnits = device.orgUnits().isEmpty() ? Set.of() : Directory.withSubUnits(em, device.orgUnits());
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

		List<WireRecord> records = new ArrayList<>();
		long scanned = after;
		int batchSize = Math.max(100, request.limit() * 2);
		boolean exhausted = false;
		while (records.size() < request.limit() && !exhausted) {
			Batch batch = nextBatch(em, types, scanned, batchSize);
			exhausted = batch.exhausted();
			for (StoredRecord record : batch.records()) {
				RecordType type = RecordTypes.find(record.getType()).orElseThrow();
				if (rules.visible(type, record.getOrgUnit(), record.getLocation(), record.getDueDate(), record.getOwner())) {
					records.add(toWire(record));
				}
				scanned = record.getRev();
				if (records.size() == request.limit()) {
					break;
				}
			}
		}
		boolean hasMore = records.size() == request.limit() && !em
				.createQuery("SELECT r.id FROM StoredRecord r WHERE r.type IN :types AND r.rev > :after", String.class)
				.setParameter("types", types).setParameter("after", scanned).setMaxResults(1).getResultList().isEmpty();
		return new ChangePage(request.category(), records, new Cursor(scanned, fingerprint).toString(), hasMore, reset);
	}

	/** Records of the category after a sequence number, in sequence order; exhausted when there are no more. */
	private record Batch(List<StoredRecord> records, boolean exhausted) {
	}

	/**
	 * One query per type, each an index range scan of (type, sequence): with all the category's
	 * types in one {@code IN} the database sorts every record of those types for each batch. The
	 * batches are merged up to the lowest last sequence of a full one, so none is skipped.
	 */
	private static Batch nextBatch(EntityManager em, List<String> types, long after, int batchSize) {
		List<StoredRecord> merged = new ArrayList<>();
		long complete = Long.MAX_VALUE;
		for (String type : types) {
			List<StoredRecord> batch = em
					.createQuery("SELECT r FROM StoredRecord r WHERE r.type = :type AND r.rev > :after ORDER BY r.rev", StoredRecord.class)
					.setParameter("type", type).setParameter("after", after).setMaxResults(batchSize)
					// read-only: the rows are copied to the wire, never changed; EclipseLink skips cloning and change tracking
					.setHint(READ_ONLY, true).getResultList();
			if (batch.size() == batchSize) {
				complete = Math.min(complete, batch.get(batch.size() - 1).getRev());
			}
			merged.addAll(batch);
		}
		long upTo = complete;
		merged.removeIf(record -> record.getRev() > upTo);
		merged.sort(Comparator.comparingLong(StoredRecord::getRev));
		return new Batch(merged, complete == Long.MAX_VALUE);
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
