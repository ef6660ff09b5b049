package org.outpost.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.admin.AppSetting;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.admin.UserAssignment;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.Syncable;
import org.outpost.events.Event;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.obligations.Obligation;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Protocol;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.ServedPage;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.sync.ChangeFeed;
import org.outpost.server.internal.sync.Directory;
import org.outpost.server.internal.sync.RecordFields;
import org.outpost.server.internal.sync.ScopeHistory;
import org.outpost.server.internal.sync.UserScope;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo data speaks the desktop's wire format: every record body holds the synced fields of the
 * desktop entity of its type, which that entity applies as they are; and the demo user receives
 * most demo events.
 */
class DemoDataWireTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A fresh desktop entity per record type the desktop holds. */
	private static final Map<String, Supplier<Syncable>> DESKTOP = Map.ofEntries(Map.entry("orgunit", () -> new OrgUnit("Placeholder", null)),
			Map.entry("location", () -> new Location("Placeholder", List.of("elsewhere"))), Map.entry("user", () -> new User("placeholder", "Placeholder")),
			Map.entry("role", () -> new Role("Placeholder")), Map.entry("assignment", () -> new UserAssignment("someone", "somewhere")),
			Map.entry("form", () -> new Form("Placeholder", List.of())), Map.entry("setting", () -> new AppSetting("placeholder", null)),
			Map.entry("event", () -> new Event("Placeholder", null)), Map.entry("finding", () -> new Finding("Placeholder")),
			Map.entry("action", () -> new Action("Placeholder", null)), Map.entry("obligation", () -> new Obligation("Placeholder")));

	@TempDir
	static Path folder;
	private static ServerStore store;
	private static List<WireRecord> records;

	@BeforeAll
	static void demoData() throws IOException {
		store = ServerStore.embedded(folder, 4);
		ServerAdmin admin = new ServerAdmin(store, ServerConfig.defaults(folder));
		DemoData.generate(admin, 42);
		ByteArrayOutputStream export = new ByteArrayOutputStream();
		admin.exportJson(export);
		records = JsonCodec.changePage(JsonCodec.parse(new ByteArrayInputStream(export.toByteArray()))).records();
	}

	@AfterAll
	static void close() {
		store.close();
	}

	@Test
	void aDemoEventsBodyHasTheDesktopEventsFieldNamesAndItsDueDateTravelsInTheColumn() {
		Set<String> desktopFields = new Event("Placeholder", null).syncedFields().keySet();
		List<WireRecord> events = ofType("event");
		assertEquals(40, events.size());

		for (WireRecord event : events) {
			Set<String> body = fieldNames(event);
			assertTrue(desktopFields.containsAll(body), "not desktop Event fields: " + body);
			assertTrue(body.containsAll(Set.of("formId", "title", "orgUnitId", "locationId", "leewayDays", "recurrence", "performerIds", "status",
					"answers")), "missing desktop Event fields: " + body);
			assertFalse(body.contains("dueDate"));
			assertNotNull(event.dueDate());
			assertEquals(event.orgUnit(), event.body().path("orgUnitId").asText());
			assertEquals(event.location(), event.body().path("locationId").asText());
			EventStatus.valueOf(event.body().path("status").asText());
		}
	}

	@Test
	void theDemoAdministratorMayEditRecordsOnTheWebAndTheOfficerMayNot() {
		assertTrue(permissionsOf("Administrator").contains(Protocol.SERVER_EDIT), "docs/server.md: the demo admin edits over the API");
		assertFalse(permissionsOf("Compliance officer").contains(Protocol.SERVER_EDIT));
	}

	private static List<String> permissionsOf(String roleName) {
		WireRecord role = ofType("role").stream().filter(r -> r.body().path("name").asText().equals(roleName)).findFirst().orElseThrow();
		List<String> permissions = new ArrayList<>();
		role.body().path("permissions").forEach(p -> permissions.add(p.asText()));
		return permissions;
	}

	@Test
	void theDesktopEventAcceptsADemoEventAsItIs() {
		WireRecord sent = ofType("event").stream().filter(e -> e.body().path("status").asText().equals("VERIFIED")).findFirst().orElseThrow();
		Event event = new Event("Placeholder", null);

		event.applySyncedFields(pulled(sent, true));

		assertEquals(EventStatus.VERIFIED, event.getStatus());
		assertEquals(sent.body().path("title").asText(), event.getTitle());
		assertEquals(sent.dueDate(), event.getDueDate());
		assertEquals(sent.body().path("answers").size(), event.getAnswers().size());
		assertNotNull(event.getScorePercent());
	}

	@Test
	void everyDemoRecordOfADesktopTypeAppliesOntoItsDesktopEntityFieldByField() {
		Set<String> seen = new HashSet<>();
		for (WireRecord record : records) {
			Supplier<Syncable> desktop = DESKTOP.get(record.type());
			if (desktop == null || record.tombstone()) {
				continue;
			}
			seen.add(record.type());
			Syncable entity = desktop.get();
			Map<String, Object> fields = pulled(record, entity.syncedFields().containsKey("dueDate"));

			entity.applySyncedFields(fields);

			Map<String, Object> applied = entity.syncedFields();
			assertTrue(applied.keySet().containsAll(fields.keySet()), record.type() + " has fields the desktop does not know: " + fields.keySet());
			fields.forEach((name, value) -> assertEquals(FieldValues.plain(value), applied.get(name), record.type() + "." + name));
		}
		assertEquals(DESKTOP.keySet(), seen);
	}

	@Test
	void everyDesktopFieldIsOneAMutationMayChangeOnTheServer() {
		for (Supplier<Syncable> desktop : DESKTOP.values()) {
			Syncable entity = desktop.get();
			entity.syncedFields().forEach((name, value) -> RecordFields.check(name, JSON.valueToTree(value)));
		}
	}

	@Test
	void theDemoUserSignsInFromTheDesktopAndReceivesMostEvents() {
		Directory.View directory = store.read(Directory::read);
		UserScope demo = directory.userScope("demo");
		assertTrue(demo.mayLogInFromDesktop());
		assertTrue(demo.may("events", "edit"));
		DeviceScope wholeDemoWindow = new DeviceScope(60, 60, List.of(), List.of(), false, false);

		ServedPage page = store.read(em -> ChangeFeed.page(em, directory, new ScopeHistory(), demo, new ChangesRequest("events", null, 1000, wholeDemoWindow),
				LocalDate.now(), ServerStore.lastCommittedRevision(em)));

		long received = page.records().stream().filter(r -> r.type().equals("event")).count();
		assertTrue(received > ofType("event").size() / 2, "the demo user receives only " + received + " events");
	}

	private static List<WireRecord> ofType(String type) {
		return records.stream().filter(r -> r.type().equals(type) && !r.tombstone()).toList();
	}

	private static Set<String> fieldNames(WireRecord record) {
		Set<String> names = new HashSet<>();
		record.body().fieldNames().forEachRemaining(names::add);
		return names;
	}

	/** The body as a client reads it, with the due date column mapped back into the fields when the entity has one. */
	private static Map<String, Object> pulled(WireRecord record, boolean withDueDate) {
		Map<String, Object> fields = JSON.convertValue(record.body(), new TypeReference<Map<String, Object>>() {
		});
		if (withDueDate && record.dueDate() != null) {
			fields.put("dueDate", record.dueDate().toString());
		}
		return fields;
	}
}
