package org.outpost.sync.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.sync.SyncKind;
import org.outpost.events.Event;
import org.outpost.findings.Action;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.test.support.ServerFixture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What an edit on the web side that takes a record out of the device's scope does on the device,
 * and the server's setting that leaves Complete and Verified actions on the server.
 */
class ScopeMovesEndToEndTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private ServerFixture server;
	private Desktop desktop;

	@BeforeEach
	void startServerAndLogIn() throws Exception {
		server = new ServerFixture();
		desktop = new Desktop();
		desktop.engine.login(server.uri(), ServerFixture.USER, ServerFixture.PASSWORD.toCharArray());
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	private SyncReport sync(SyncKind kind, IProgressMonitor monitor) {
		return desktop.engine.sync(SyncRequest.of(kind, SyncRequest.MANUAL), monitor);
	}

	private void moveOnTheWeb(String eventId, String orgUnit) {
		server.admin().putRecord("event", eventId, Map.of("orgUnit", ServerFixture.text(orgUnit), "orgUnitId", ServerFixture.text(orgUnit)));
	}

	@Test
	void anEventMovedToAnotherOrgUnitOnTheWebLeavesTheDeviceUnlessItHasUnsentEdits() throws Exception {
		String moved = server.webEvent("Moved to the South", server.north, TODAY.plusDays(1));
		String edited = server.webEvent("Moved too, edited on the device meanwhile", server.north, TODAY.plusDays(1));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS, new NullProgressMonitor()).outcome());
		assertNotNull(desktop.find(Event.class, moved));
		assertNotNull(desktop.find(Event.class, edited));

		moveOnTheWeb(moved, server.south);
		moveOnTheWeb(edited, server.south);
		// the officer edits one of them while the sync runs: after its push, before its pull
		IProgressMonitor editsWhilePulling = new NullProgressMonitor() {
			private boolean done;

			@Override
			public void subTask(String name) {
				if (!done && name.equals("Receiving Events")) {
					done = true;
					try {
						desktop.changes.edit(Event.class, edited, event -> event.setTitle("Edited while the sync ran"));
					} catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}
			}
		};
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS, editsWhilePulling).outcome());

		assertNull(desktop.find(Event.class, moved), "moved out of the user's org units on the web: gone from the device");
		assertNotNull(desktop.find(Event.class, edited), "kept: it has an unsent edit");
		assertEquals("Edited while the sync ran", desktop.find(Event.class, edited).getTitle());

		SyncReport next = sync(SyncKind.EVENTS, new NullProgressMonitor());
		assertEquals(1, next.rejects(), "the server refuses the edit of an event outside the user's org units; the device keeps it as a rejected change");
		assertNull(desktop.find(Event.class, edited), "its edit sent, the event leaves the device too");
	}

	@Test
	void theServerSettingWithoutCompleteAndVerifiedActionsTakesThemOffTheDevice() throws Exception {
		String open = webAction("Fence the pit", "IN_PROGRESS");
		String complete = webAction("Replace the sign", "COMPLETE");
		String verified = webAction("Train the crew", "VERIFIED");
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS, new NullProgressMonitor()).outcome());
		assertNotNull(desktop.find(Action.class, complete), "included by default");
		assertNotNull(desktop.find(Action.class, verified));

		server.admin().putRecord("setting", UUID.randomUUID().toString(),
				Map.of("key", ServerFixture.text("syncCompleteVerifiedActions"), "value", ServerFixture.text("false")));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS, new NullProgressMonitor()).outcome());

		assertNotNull(desktop.find(Action.class, open));
		assertNull(desktop.find(Action.class, complete), "closed actions stay on the server");
		assertNull(desktop.find(Action.class, verified));

		server.admin().putRecord("action", open, Map.of("status", ServerFixture.text("COMPLETE"), "progress", JsonNodeFactory.instance.numberNode(100)));
		assertEquals(SyncOutcome.SUCCEEDED, sync(SyncKind.EVENTS, new NullProgressMonitor()).outcome());
		assertNull(desktop.find(Action.class, open), "completed on the web: it leaves the device");
	}

	private String webAction(String description, String status) {
		String id = UUID.randomUUID().toString();
		server.admin().putRecord("action", id, Map.of("description", ServerFixture.text(description), "status", ServerFixture.text(status),
				"progress", JsonNodeFactory.instance.numberNode(status.equals("IN_PROGRESS") ? 50 : 100), "orgUnit", ServerFixture.text(server.north),
				"owner", ServerFixture.text(ServerFixture.USER)));
		return id;
	}
}
