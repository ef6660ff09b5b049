package org.outpost.core.record;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs as {@link UUID#randomUUID()} makes them, from the same kind of secure
 * source, but drawn 64 at a time per thread: every entity built gets an id, also the hundreds of
 * thousands an initial sync builds and JPA's loads (which then overwrite it), and one draw from
 * the shared source per id cost more than the rest of building the entity.
 */
final class RandomIds {

	private static final int IDS_PER_DRAW = 64;
	private static final SecureRandom SOURCE = new SecureRandom();
	private static final ThreadLocal<ByteBuffer> DRAWN = ThreadLocal.withInitial(() -> ByteBuffer.allocate(16 * IDS_PER_DRAW).position(16 * IDS_PER_DRAW));

	private RandomIds() {
	}

	static String next() {
		ByteBuffer drawn = DRAWN.get();
		if (!drawn.hasRemaining()) {
			SOURCE.nextBytes(drawn.array());
			drawn.clear();
		}
		// the version (4) and variant (IETF) bits, as UUID.randomUUID sets them
		long high = (drawn.getLong() & ~0xF000L) | 0x4000L;
		long low = (drawn.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(high, low).toString();
	}
}
