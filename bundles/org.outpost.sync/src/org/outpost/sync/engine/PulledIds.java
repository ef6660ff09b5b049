package org.outpost.sync.engine;

import java.util.UUID;

/**
 * The ids of the rows one pull has inserted, as the two halves of their UUIDs in an open-addressing
 * table: about 24 bytes a record where a set of strings would take over 100, which matters for the
 * 400,000 records of an initial sync in a 256 MB heap.
 */
final class PulledIds {

	private static final int FIRST_CAPACITY = 1024;

	private long[] halves = new long[2 * FIRST_CAPACITY];
	private boolean[] used = new boolean[FIRST_CAPACITY];
	private int size;

	/** Remembers an id; one that is not a UUID cannot be a stored record's id (the record refuses it) and is ignored. */
	void add(String id) {
		UUID uuid = parse(id);
		if (uuid == null) {
			return;
		}
		if (4 * (size + 1) > 3 * used.length) {
			grow();
		}
		if (insert(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits())) {
			size++;
		}
	}

	/** False only when the id was not added: also true for text that is no UUID, which nothing can tell apart here. */
	boolean mayContain(String id) {
		UUID uuid = parse(id);
		if (uuid == null) {
			return true;
		}
		long high = uuid.getMostSignificantBits();
		long low = uuid.getLeastSignificantBits();
		for (int slot = slotOf(high, low, used.length);; slot = (slot + 1) & (used.length - 1)) {
			if (!used[slot]) {
				return false;
			}
			if (halves[2 * slot] == high && halves[2 * slot + 1] == low) {
				return true;
			}
		}
	}

	int size() {
		return size;
	}

	private boolean insert(long high, long low) {
		for (int slot = slotOf(high, low, used.length);; slot = (slot + 1) & (used.length - 1)) {
			if (!used[slot]) {
				used[slot] = true;
				halves[2 * slot] = high;
				halves[2 * slot + 1] = low;
				return true;
			}
			if (halves[2 * slot] == high && halves[2 * slot + 1] == low) {
				return false;
			}
		}
	}

	private void grow() {
		long[] oldHalves = halves;
		boolean[] oldUsed = used;
		halves = new long[2 * 2 * oldUsed.length];
		used = new boolean[2 * oldUsed.length];
		for (int slot = 0; slot < oldUsed.length; slot++) {
			if (oldUsed[slot]) {
				insert(oldHalves[2 * slot], oldHalves[2 * slot + 1]);
			}
		}
	}

	private static int slotOf(long high, long low, int capacity) {
		long mixed = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L;
		return (int) (mixed >>> 32) & (capacity - 1);
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}
}
