package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventStatus;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Two devices complete the same recurring event offline: each schedules the next occurrence under
 * the same derived id. The second device's create meets the first one's record and converges:
 * one next occurrence on the server, nothing rejected or in conflict on either device.
 */
class RecurringEventTwoDevicesEndToEndTest {

	private ServerFixture server;
	private Desktop first;
	private ForkedDevice second;

	@BeforeEach
	void twoDevices() throws Exception {
		server = new ServerFixture();
		first = new Desktop();
		first.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
		second = new ForkedDevice();
		ForkedDevice.Result login = second.run(ForkedDevice.OUTPOST, ServerFixture.PASSWORD + "\n", "login", "--server", server.uri().toString(),
				"--user", ServerFixture.USER, "--password-stdin");
		assertEquals(0, login.exitCode(), login.output());
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	@Test
	void theSecondDevicesNextOccurrenceConvergesWithTheFirstOnesWithoutAReject() throws Exception {
		String weekly = UUID.randomUUID().toString();
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("title", ServerFixture.text("Weekly forklift check"));
		fields.put("orgUnitId", ServerFixture.text(server.north));
		fields.put("orgUnit", ServerFixture.text(server.north));
		fields.put("status", ServerFixture.text("SCHEDULED"));
		fields.put("recurrence", ServerFixture.text("WEEKLY"));
		fields.put("leewayDays", JsonNodeFactory.instance.numberNode(1));
		fields.put("dueDate", ServerFixture.text(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
		server.admin().putRecord("event", weekly, fields);
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.FULL).outcome());
		ForkedDevice.Result pulled = second.outpost("sync", "full");
		assertEquals(0, pulled.exitCode(), pulled.output());

		EventLifecycle lifecycle = EventLifecycle.withInstalledGuards();
		first.changes.write(c -> lifecycle.moveTo(c, weekly, EventStatus.IN_PROGRESS));
		first.changes.write(c -> lifecycle.moveTo(c, weekly, EventStatus.COMPLETED));
		ForkedDevice.Result completed = second.tool("complete", weekly);
		assertEquals(0, completed.exitCode(), completed.output());
		SyncReport firstSync = sync(SyncKind.EVENTS);
		assertEquals(SyncOutcome.SUCCEEDED, firstSync.outcome(), firstSync.message());

		ForkedDevice.Result secondSync = second.outpost("sync", "events");

		assertEquals(0, secondSync.exitCode(), "the second device's sync needs no attention: " + secondSync.output());
		ForkedDevice.Result report = second.tool("report");
		assertEquals(List.of("0"), report.lines("rejected "), report.output());
		assertEquals(List.of("0"), report.lines("conflicts "), report.output());
		assertEquals(List.of("0"), report.lines("outbox "), report.output());
		String next = Event.nextOccurrenceId(weekly);
		assertNotNull(server.record(next), "the next occurrence is on the server");
		assertEquals(2, server.admin().count("event"), "the completed event and one next occurrence, no duplicate");
		assertTrue(report.lines("event ").stream().anyMatch(line -> line.startsWith(next)), report.output());
	}

	private SyncReport sync(SyncKind kind) {
		return first.engine.sync(SyncRequest.of(kind, SyncRequest.MANUAL), new NullProgressMonitor());
	}
}
