package org.outpost.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.LeftRecord;
import org.outpost.protocol.Messages.ServedPage;
import org.outpost.protocol.Messages.StoredWireRecord;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.sync.ChangeFeed;
import org.outpost.server.internal.sync.Directory;
import org.outpost.server.internal.sync.ScopeHistory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The events window moves with the date: the next day's first pull sends the events that entered
 * the window and announces those that left it, not the whole category again. (The change feed is
 * called directly here, to give it tomorrow's date.)
 */
class DateWindowMoveTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@TempDir
	Path folder;

	@Test
	void theNextDaysPullSendsOnlyWhatEnteredAndLeftTheWindow() {
		try (ServerStore store = ServerStore.embedded(folder, 4)) {
			ServerAdmin admin = new ServerAdmin(store, ServerConfig.defaults(folder));
			admin.putRole("Officer", List.of("desktop.login", "events.*"));
			String unit = admin.addOrgUnit("Site", null);
			admin.putUser("officer", "Olga Officer", "secret", List.of("Officer"));
			admin.assign("officer", unit);
			for (int i = 0; i < 20; i++) {
				event(admin, unit, TODAY.plusDays(i % 10));
			}
			String leaving = event(admin, unit, TODAY.minusDays(30));
			String entering = event(admin, unit, TODAY.plusDays(31));
			ScopeHistory history = new ScopeHistory();

			ServedPage today = pull(store, history, null, TODAY);
			assertEquals(21, today.records().size());
			ServedPage tomorrow = pull(store, history, today.nextCursor(), TODAY.plusDays(1));

			assertFalse(tomorrow.reset());
			assertEquals(List.of(entering), tomorrow.records().stream().map(StoredWireRecord::id).toList(), "1 event transferred, not 21");
			assertEquals(List.of(leaving), tomorrow.left().stream().map(LeftRecord::id).toList());
			assertEquals(0, pull(store, history, tomorrow.nextCursor(), TODAY.plusDays(1)).records().size());
		}
	}

	private static ServedPage pull(ServerStore store, ScopeHistory history, String cursor, LocalDate day) {
		return store.read(em -> {
			Directory.View directory = Directory.read(em);
			return ChangeFeed.page(em, directory, history, directory.userScope("officer"),
					new ChangesRequest("events", cursor, 1000, DeviceScope.DEFAULT), day, ServerStore.lastCommittedRevision(em));
		});
	}

	private static String event(ServerAdmin admin, String unit, LocalDate due) {
		return admin.putRecord("event", UUID.randomUUID().toString(), Map.of("orgUnit", JsonNodeFactory.instance.textNode(unit), "dueDate",
				JsonNodeFactory.instance.textNode(due.toString()), "title", JsonNodeFactory.instance.textNode("Due " + due))).id();
	}
}
