package org.outpost.risks.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.outpost.persistence.LocalDatabase;
import org.outpost.risks.Risk;
import org.outpost.risks.Risks;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Outbox;

/** Risks are stored and queued through the same public API every module uses. */
class RiskRegisterTest {

	@Test
	void aRiskIsRatedStoredAndQueued() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Risk risk = new Risk("Forklift collision in the loading bay");
		risk.rateInherent(4, 4);
		risk.rateResidual(2, 4);
		risk.setControls("Marked walkways; banksman at peak times");

		new LocalChanges(database).create(risk);

		Risk stored = Risks.find(database, risk.getId());
		assertEquals(16, stored.inherentRating());
		assertEquals(8, stored.residualRating());
		assertEquals("risk", new Outbox(database).entriesFor("risk", risk.getId()).get(0).getRecordType());
		assertThrows(IllegalArgumentException.class, () -> risk.rateInherent(6, 1));
	}
}
