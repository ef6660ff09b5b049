package org.outpost.findings.tests;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outpost.test.support.WireRoundTrip.assertRoundTrip;
import static org.outpost.test.support.WireRoundTrip.overTheWire;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.outpost.findings.Action;
import org.outpost.findings.ActionStatus;
import org.outpost.findings.Finding;
import org.outpost.findings.RiskRating;
import org.outpost.persistence.LocalDatabase;

/** Findings and Actions take back, through JSON as the wire carries it, exactly the fields they give. */
class FindingsWireTest {

	@Test
	void aFindingRoundTrips() {
		assertRoundTrip(ratedFinding(), new Finding("Placeholder"));
	}

	@Test
	void anActionRoundTrips() {
		assertRoundTrip(startedAction(), new Action("Placeholder", null));
	}

	@Test
	void aValueThatCannotBeReadNamesTheFieldAndTheValue() {
		Action action = new Action("Fix it", null);

		IllegalArgumentException progress = assertThrows(IllegalArgumentException.class, () -> action.applySyncedFields(Map.of("progress", "half")));
		IllegalArgumentException status = assertThrows(IllegalArgumentException.class, () -> action.applySyncedFields(Map.of("status", "Done")));

		assertTrue(progress.getMessage().contains("'progress'") && progress.getMessage().contains("'half'"), progress.getMessage());
		assertTrue(status.getMessage().contains("'status'") && status.getMessage().contains("'Done'"), status.getMessage());
	}

	@Test
	void theServersStateAppliesWhereTheSettersWouldRefuseIt() {
		Action pending = new Action("Fix it", null);
		assertFalse(pending.getStatus().canMoveTo(ActionStatus.VERIFIED));
		String finding = UUID.randomUUID().toString();
		String obligation = UUID.randomUUID().toString();

		// the web application holds a verified action linked to two things; the device takes it as it is
		pending.applySyncedFields(Map.of("status", "VERIFIED", "findingId", finding, "obligationId", obligation));

		assertEquals(ActionStatus.VERIFIED, pending.getStatus());
		assertEquals(finding, pending.getFindingId());
		assertEquals(obligation, pending.getObligationId());
	}

	@Test
	void aPulledActionIsStoredAndReadBackAsTheServerSentIt() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Action sent = startedAction();
		Action pulled = new Action("Placeholder", null);
		pulled.setId(sent.getId());
		pulled.applySyncedFields(overTheWire(sent.syncedFields()));

		database.write(em -> {
			em.persist(pulled);
			return null;
		});

		assertEquals(sent.syncedFields(), database.read(em -> em.find(Action.class, sent.getId())).syncedFields());
	}

	private static Finding ratedFinding() {
		Finding finding = new Finding("Blocked fire exit");
		finding.setEventId(UUID.randomUUID().toString());
		finding.setNonConformance(true);
		finding.setRisk(new RiskRating(4, 5));
		finding.setResidualRisk(new RiskRating(2, 3));
		return finding;
	}

	private static Action startedAction() {
		Action action = new Action("Clear the exit", LocalDate.of(2026, 12, 24));
		action.fixFinding(UUID.randomUUID().toString());
		action.setResponsibleUserId(UUID.randomUUID().toString());
		action.setProgress(40);
		action.setStatus(ActionStatus.IN_PROGRESS);
		return action;
	}
}
