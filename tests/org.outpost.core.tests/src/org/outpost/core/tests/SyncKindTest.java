package org.outpost.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;

class SyncKindTest {

	@Test
	void fullIncludesEveryKindAndEachKindOnlyItself() {
		for (SyncKind kind : SyncKind.values()) {
			assertTrue(SyncKind.FULL.includes(kind));
		}
		assertTrue(SyncKind.EVENTS.includes(SyncKind.EVENTS));
		assertFalse(SyncKind.EVENTS.includes(SyncKind.ADMIN));
		assertFalse(SyncKind.DOCUMENTS.includes(SyncKind.EVENTS));
	}

	@Test
	void keysRoundTripAndUnknownKeysAreExplained() {
		for (SyncKind kind : SyncKind.values()) {
			assertEquals(kind, SyncKind.fromKey(kind.key()));
		}
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SyncKind.fromKey("weekly"));
		assertTrue(error.getMessage().contains("weekly") && error.getMessage().contains("events"), error.getMessage());
	}
}
