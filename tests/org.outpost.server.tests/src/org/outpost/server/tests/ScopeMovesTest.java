package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.LeftRecord;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;
import org.outpost.server.ServerAdmin;
import org.outpost.server.tests.Api.Reply;

/**
 * Records that an edit moves out of a device's scope reach the device as "left" entries, over
 * real HTTP; a pull passes over the records outside the scope; and the server setting that leaves
 * Complete and Verified actions on the server.
 */
class ScopeMovesTest {

	@TempDir
	Path folder;

	private OutpostServer server;
	private ServerAdmin admin;
	private Fixture company;
	private Api api;
	private String token;

	@BeforeEach
	void start() throws Exception {
		server = OutpostServer.start(TestStores.fresh(folder));
		admin = server.admin();
		company = new Fixture(admin);
		api = new Api(server.uri());
		token = api.login("officer", "secret", "laptop-1");
	}

	@AfterEach
	void stop() throws Exception {
		server.close();
	}

	/** One pull to the end: the records and left entries of all pages, and the last cursor. */
	private record Pulled(List<WireRecord> records, List<LeftRecord> left, String cursor) {

		List<String> ids() {
			return records.stream().map(WireRecord::id).toList();
		}

		List<String> leftIds() {
			return left.stream().map(LeftRecord::id).toList();
		}
	}

	private Pulled pull(String category, String cursor, int limit, DeviceScope scope) {
		List<WireRecord> records = new ArrayList<>();
		List<LeftRecord> left = new ArrayList<>();
		ChangePage page;
		do {
			Reply reply = api.post(Protocol.CHANGES, Fixture.pull(category, cursor, limit, scope), token);
			assertEquals(200, reply.status(), reply.body());
			page = JsonCodec.changePage(reply.json());
			assertTrue(page.records().size() + page.left().size() <= limit, "a page holds at most limit records and left entries");
			records.addAll(page.records());
			left.addAll(page.left());
			cursor = page.nextCursor();
		} while (page.hasMore());
		return new Pulled(records, left, cursor);
	}

	private void moveTo(String id, String orgUnit) {
		admin.putRecord("event", id, Map.of("orgUnit", Fixture.text(orgUnit)));
	}

	@Test
	void anEventAnEditMovesOutOfTheScopeIsAnnouncedAsLeft() {
		String moving = Fixture.event(admin, company.a, Fixture.TODAY, "moves to B");
		String staying = Fixture.event(admin, company.a, Fixture.TODAY, "moves within the scope, to A1");
		String arriving = Fixture.event(admin, company.b, Fixture.TODAY, "moves from B into A");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();

		moveTo(moving, company.b);
		moveTo(staying, company.a1);
		moveTo(arriving, company.a);
		Pulled delta = pull("events", cursor, 100, DeviceScope.DEFAULT);

		assertEquals(List.of(moving), delta.leftIds());
		assertEquals(admin.record(moving).rev(), delta.left().get(0).rev());
		assertEquals("event", delta.left().get(0).type());
		assertTrue(delta.ids().contains(staying) && delta.ids().contains(arriving), delta.ids().toString());
		assertFalse(delta.ids().contains(moving));
		assertEquals(List.of(), pull("events", delta.cursor(), 100, DeviceScope.DEFAULT).left(), "announced once");
	}

	@Test
	void aMoveOutOfTheDevicesOwnNarrowerScopeIsAnnouncedToo() {
		DeviceScope onlyA1 = new DeviceScope(30, 30, List.of(company.a1), List.of(), false, false);
		String id = Fixture.event(admin, company.a1, Fixture.TODAY, "in A1");
		String cursor = pull("events", null, 100, onlyA1).cursor();

		moveTo(id, company.a);

		assertEquals(List.of(id), pull("events", cursor, 100, onlyA1).leftIds(), "still the user's, but outside what the device syncs");
	}

	@Test
	void aDueDateMovedOutOfTheWindowIsAnnouncedAsLeft() {
		String id = Fixture.event(admin, company.a, Fixture.TODAY, "rescheduled far ahead");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();

		admin.putRecord("event", id, Map.of("dueDate", Fixture.text(Fixture.TODAY.plusDays(200).toString())));

		assertEquals(List.of(id), pull("events", cursor, 100, DeviceScope.DEFAULT).leftIds());
	}

	@Test
	void aRecordThatMovedOutAndBackBeforeThePullComesAsARecord() {
		String id = Fixture.event(admin, company.a, Fixture.TODAY, "away and back");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		moveTo(id, company.b);
		moveTo(id, company.a);

		Pulled delta = pull("events", cursor, 100, DeviceScope.DEFAULT);

		assertEquals(List.of(id), delta.ids());
		assertEquals(List.of(), delta.left());
	}

	@Test
	void aMoveThatAPushMakesIsAnnouncedAcrossPagesOnce() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(Fixture.event(admin, company.a, Fixture.TODAY, "event " + i));
		}
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		String watcher = token;
		token = api.login("officer", "secret", "laptop-2");
		for (String id : ids.subList(0, 3)) {
			Reply reply = api.post(Protocol.PUSH, Fixture.push(0, new Mutation(Fixture.newId(), "event", id, Operation.UPDATE,
					Map.of("orgUnit", Fixture.change(company.a, company.a1)))), token);
			assertEquals(Outcome.APPLIED, JsonCodec.pushResponse(reply.json()).results().get(0).outcome());
		}
		token = watcher;

		Pulled toA1 = pull("events", cursor, 1, DeviceScope.DEFAULT);
		assertEquals(List.of(), toA1.left(), "A1 is below A: the events are still in scope");
		assertEquals(ids.subList(0, 3), toA1.ids());

		DeviceScope onlyA = new DeviceScope(30, 30, List.of(company.a), List.of(), false, false);
		String cursorOnlyA = pull("events", null, 100, onlyA).cursor();
		for (String id : ids) {
			moveTo(id, company.b);
		}
		Pulled away = pull("events", cursorOnlyA, 2, onlyA);
		assertEquals(ids, away.leftIds(), "every event that left, once, in sequence order, two per page");
	}

	@Test
	void aPullPassesOverTheRecordsOutsideTheScopeAndItsCursorMovesPastThem() {
		passesOverTheRecordsOutsideTheScope(List.of(company.a, company.a1));
	}

	@Test
	void aScopeOfManyOrgUnitsPassesOverTheRecordsOutsideItToo() {
		// more org units than the feed reads one by one: it reads by type and filters on the units
		List<String> units = new ArrayList<>(List.of(company.a, company.a1));
		for (int i = 0; i < 5; i++) {
			units.add(admin.addOrgUnit("A" + (i + 2), company.a));
		}
		passesOverTheRecordsOutsideTheScope(units);
	}

	@Test
	void theRecordsOfSeveralOrgUnitsComeInSequenceOrderWhenEachUnitHasMoreThanABatch() {
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < 260; i++) {
			// uneven, so one org unit's batch ends before the other's
			mine.add(Fixture.event(admin, i % 3 == 0 ? company.a : company.a1, Fixture.TODAY, "mine " + i));
			if (i % 10 == 0) {
				Fixture.event(admin, company.b, Fixture.TODAY, "another officer's " + i);
			}
		}

		assertEquals(mine, pull("events", cursor, 150, DeviceScope.DEFAULT).ids());
	}

	private void passesOverTheRecordsOutsideTheScope(List<String> orgUnits) {
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		List<String> mine = new ArrayList<>();
		String lastOther = null;
		for (int i = 0; i < 3 * orgUnits.size(); i++) {
			mine.add(Fixture.event(admin, orgUnits.get(i % orgUnits.size()), Fixture.TODAY, "mine " + i));
			for (int j = 0; j < 4; j++) {
				lastOther = Fixture.event(admin, company.b, Fixture.TODAY, "another officer's " + i + "." + j);
			}
		}

		Pulled delta = pull("events", cursor, 2, DeviceScope.DEFAULT);

		assertEquals(mine, delta.ids(), "only the records in scope, in sequence order, across pages of two");
		assertTrue(sequenceOf(delta.cursor()) >= admin.record(lastOther).rev(), "the cursor moved past the records it passed over: " + delta.cursor());
		Reply after = api.post(Protocol.CHANGES, Fixture.pull("events", delta.cursor(), 2, DeviceScope.DEFAULT), token);
		ChangePage nothing = JsonCodec.changePage(after.json());
		assertEquals(List.of(), nothing.records());
		assertFalse(nothing.hasMore());
	}

	@Test
	void aPageOfRecordsOutsideTheScopeOnlySendsNothingAndSaysNothingRemains() {
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		String other = null;
		for (int i = 0; i < 5; i++) {
			other = Fixture.event(admin, company.b, Fixture.TODAY, "another officer's " + i);
		}

		Reply reply = api.post(Protocol.CHANGES, Fixture.pull("events", cursor, 2, DeviceScope.DEFAULT), token);

		ChangePage page = JsonCodec.changePage(reply.json());
		assertEquals(List.of(), page.records());
		assertFalse(page.hasMore());
		assertTrue(sequenceOf(page.nextCursor()) >= admin.record(other).rev(), page.nextCursor());
	}

	/** The sequence number a cursor has scanned to (its first part, docs/protocol.md). */
	private static long sequenceOf(String cursor) {
		return Long.parseLong(cursor.substring(0, cursor.indexOf('.')));
	}

	@Test
	void aWiderWindowSendsOnlyTheEventsThatEnteredIt() {
		List<String> inBoth = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			inBoth.add(Fixture.event(admin, company.a, Fixture.TODAY.plusDays(i), "in both windows " + i));
		}
		String entering = Fixture.event(admin, company.a, Fixture.TODAY.minusDays(50), "only in the wider window");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();

		DeviceScope wider = new DeviceScope(60, 30, List.of(), List.of(), false, false);
		ChangePage first = JsonCodec.changePage(api.post(Protocol.CHANGES, Fixture.pull("events", cursor, 100, wider), token).json());
		Pulled delta = pull("events", cursor, 100, wider);

		assertFalse(first.reset(), "the old scope is known: no restart, only the difference");
		assertEquals(List.of(entering), delta.ids(), "1 record transferred instead of " + (inBoth.size() + 1));
		assertEquals(List.of(), delta.left());
		assertEquals(List.of(), pull("events", delta.cursor(), 100, wider).ids(), "after the difference, the usual delta");
	}

	@Test
	void aNarrowerScopeAnnouncesWhatLeftItAndSendsNothingAgain() {
		String inA = Fixture.event(admin, company.a, Fixture.TODAY, "in A");
		String inA1 = Fixture.event(admin, company.a1, Fixture.TODAY, "in A1");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();

		DeviceScope onlyA1 = new DeviceScope(30, 30, List.of(company.a1), List.of(), false, false);
		Pulled narrower = pull("events", cursor, 1, onlyA1);

		assertEquals(List.of(), narrower.ids(), "nothing entered");
		assertEquals(List.of(inA), narrower.leftIds());
		Pulled back = pull("events", narrower.cursor(), 100, DeviceScope.DEFAULT);
		assertEquals(List.of(inA), back.ids(), "widened again: only what entered comes, " + inA1 + " the device kept");
	}

	@Test
	void changesDuringTheDifferencePassReachTheDeviceToo() {
		String stays = Fixture.event(admin, company.a1, Fixture.TODAY, "stays in A1");
		String leaves = Fixture.event(admin, company.a, Fixture.TODAY, "in A, leaves with the narrower scope");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		String edited = Fixture.event(admin, company.a1, Fixture.TODAY, "made after the cursor");
		moveTo(stays, company.a);

		DeviceScope onlyA1 = new DeviceScope(30, 30, List.of(company.a1), List.of(), false, false);
		Pulled delta = pull("events", cursor, 1, onlyA1);

		assertEquals(List.of(edited), delta.ids());
		assertEquals(List.of(leaves, stays), delta.leftIds(), "what the old scope held and the new one does not cover, moved or not");
	}

	@Test
	void anUnknownOldScopeRestartsTheFeed() {
		Fixture.event(admin, company.a, Fixture.TODAY, "in A");
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		String foreign = cursor.substring(0, cursor.indexOf('.') + 1) + "0123456789abcdef";

		ChangePage page = JsonCodec.changePage(api.post(Protocol.CHANGES, Fixture.pull("events", foreign, 100, DeviceScope.DEFAULT), token).json());

		assertTrue(page.reset(), "a scope this server does not know: the whole category again, and the device sweeps");
		assertEquals(1, page.records().size());
	}

	@Test
	void aScopeChangeDuringARestartStartsItOver() {
		for (int i = 0; i < 3; i++) {
			Fixture.event(admin, company.a1, Fixture.TODAY, "in A1 " + i);
		}
		String cursor = pull("events", null, 100, DeviceScope.DEFAULT).cursor();
		String foreign = cursor.substring(0, cursor.indexOf('.') + 1) + "0123456789abcdef";
		ChangePage restart = JsonCodec.changePage(api.post(Protocol.CHANGES, Fixture.pull("events", foreign, 1, DeviceScope.DEFAULT), token).json());
		assertTrue(restart.reset() && restart.hasMore());

		DeviceScope onlyA1 = new DeviceScope(30, 30, List.of(company.a1), List.of(), false, false);
		ChangePage again = JsonCodec.changePage(api.post(Protocol.CHANGES, Fixture.pull("events", restart.nextCursor(), 100, onlyA1), token).json());

		assertTrue(again.reset(), "the device was sweeping: a difference would read as removals to it");
		assertEquals(3, again.records().size());
	}

	@Test
	void completeAndVerifiedActionsStayOnTheServerWhenTheSettingExcludesThem() {
		String open = action("IN_PROGRESS");
		String complete = action("COMPLETE");
		String verified = action("VERIFIED");
		assertTrue(pull("findings", null, 100, DeviceScope.DEFAULT).ids().containsAll(List.of(open, complete, verified)), "included by default");

		admin.putRecord("setting", Fixture.newId(), Map.of("key", Fixture.text("syncCompleteVerifiedActions"), "value", Fixture.text("false")));
		Pulled openOnly = pull("findings", null, 100, DeviceScope.DEFAULT);
		assertTrue(openOnly.ids().contains(open));
		assertFalse(openOnly.ids().contains(complete) || openOnly.ids().contains(verified), openOnly.ids().toString());

		admin.putRecord("action", open, Map.of("status", Fixture.text("COMPLETE")));
		assertEquals(List.of(open), pull("findings", openOnly.cursor(), 100, DeviceScope.DEFAULT).leftIds(),
				"an action completed on the server leaves the devices that sync open actions only");
	}

	private String action(String status) {
		return admin.putRecord("action", Fixture.newId(),
				Map.of("orgUnit", Fixture.text(company.a), "owner", Fixture.text("officer"), "status", Fixture.text(status))).id();
	}
}
