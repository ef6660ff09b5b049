package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.internal.SyncParticipantRegistry;

class SyncParticipantRegistryTest {

	private static final List<SyncKind> RUN_ORDER = List.of(SyncKind.ADMIN, SyncKind.EVENTS, SyncKind.DOCUMENTS);
	private static SyncParticipants participants;

	@BeforeAll
	static void awaitRegistry() throws InterruptedException {
		ServiceTracker<SyncParticipants, SyncParticipants> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(SyncParticipants.class).getBundleContext(), SyncParticipants.class, null);
		tracker.open();
		participants = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		assertNotNull(participants, "the SyncParticipants service did not come up");
	}

	@Test
	void theModulesParticipantsAreReadWithTheirDeclarations() {
		SyncParticipantDescriptor events = participants.find("events").orElseThrow();
		assertEquals("Events", events.label());
		assertEquals(SyncKind.EVENTS, events.kind());
		assertEquals(10, events.order());
		assertEquals("org.outpost.events", events.contributor());
		assertEquals("platform:/plugin/org.outpost.events/icons/sync_events.png", events.iconUri());
		assertEquals(List.of(Event.class), events.participant().recordTypes());

		SyncParticipantDescriptor findings = participants.find("findings").orElseThrow();
		assertEquals(List.of(Finding.class, Action.class), findings.participant().recordTypes());
		assertEquals(SyncKind.ADMIN, participants.find("obligations").orElseThrow().kind());
		assertEquals("Test documents", participants.find("test.documents").orElseThrow().label());
	}

	@Test
	void participantsRunAdminFirstThenEventsThenDocumentsAndByOrderWithinAKind() {
		List<SyncParticipantDescriptor> all = participants.all();
		List<SyncParticipantDescriptor> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparingInt((SyncParticipantDescriptor p) -> RUN_ORDER.indexOf(p.kind()))
				.thenComparingInt(SyncParticipantDescriptor::order));
		assertEquals(sorted, all);
		List<String> ids = all.stream().map(SyncParticipantDescriptor::id).toList();
		assertTrue(ids.indexOf("obligations") < ids.indexOf("events"), ids.toString());
		assertTrue(ids.indexOf("events") < ids.indexOf("findings"), ids.toString());
		assertTrue(ids.indexOf("findings") < ids.indexOf("test.documents"), ids.toString());
	}

	@Test
	void eachKindSelectsOnlyItsParticipantsAndFullSelectsAll() {
		List<String> events = participants.of(SyncKind.EVENTS).stream().map(SyncParticipantDescriptor::id).toList();
		assertTrue(events.containsAll(List.of("events", "findings")), events.toString());
		assertTrue(participants.of(SyncKind.EVENTS).stream().allMatch(p -> p.kind() == SyncKind.EVENTS));
		assertEquals(List.of("test.documents"),
				participants.of(SyncKind.DOCUMENTS).stream().map(SyncParticipantDescriptor::id).filter(id -> id.startsWith("test.")).toList());
		assertEquals(participants.all(), participants.of(SyncKind.FULL));
	}

	@Test
	void brokenContributionsAreLoggedWithTheirReasonAndSkipped() {
		List<String> logged = new ArrayList<>();
		ILogListener listener = (status, plugin) -> {
			if (status.getSeverity() == IStatus.ERROR) {
				logged.add(status.getMessage());
			}
		};
		Platform.addLogListener(listener);
		List<SyncParticipantDescriptor> read;
		try {
			read = SyncParticipantRegistry.read(RegistryFactory.getRegistry().getConfigurationElementsFor(SyncParticipantRegistry.EXTENSION_POINT));
		} finally {
			Platform.removeLogListener(listener);
		}
		List<String> ids = read.stream().map(SyncParticipantDescriptor::id).toList();
		assertEquals(1, ids.stream().filter("test.documents"::equals).count(), ids.toString());
		assertEquals(List.of("test.documents"), ids.stream().filter(id -> id.startsWith("test.")).toList());
		assertEquals(participants.all().stream().map(SyncParticipantDescriptor::id).toList(), ids);

		assertLogged(logged, "'null'", "the attribute 'id' is missing");
		assertLogged(logged, "'test.bad id!'", "may hold only letters");
		assertLogged(logged, "'test.nolabel'", "the attribute 'label' is missing");
		assertLogged(logged, "'test.weekly'", "Unknown sync kind 'weekly'");
		assertLogged(logged, "'test.full'", "kind 'full' is not a participant kind");
		assertLogged(logged, "'test.soon'", "the order 'soon' is not an integer");
		assertLogged(logged, "'test.missing'", "NoSuchParticipant");
		assertLogged(logged, "'test.notparticipant'", "NotAParticipant");
		assertLogged(logged, "'test.documents'", "already taken");
	}

	private static void assertLogged(List<String> logged, String participant, String reason) {
		assertTrue(logged.stream().anyMatch(m -> m.contains(participant) && m.contains(reason)),
				"expected a log entry for " + participant + " saying " + reason + " in " + logged);
	}
}
