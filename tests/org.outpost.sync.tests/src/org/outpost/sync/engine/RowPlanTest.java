package org.outpost.sync.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.events.Event;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.RowColumns;
import org.outpost.protocol.ChangePageStream;
import org.outpost.protocol.ChangePageStream.Page;
import org.outpost.protocol.ChangePageStream.StreamedRecord;

import com.fasterxml.jackson.core.JsonParser;

/**
 * A pulled page read token by token into rows gives, column for column, the row of the entity the
 * module's own translation builds from the same record: the real Event, Finding and Action.
 */
class RowPlanTest {

	private static final String PAGE = """
			{"category":"events","records":[
			 {"type":"event","id":"0b7e6a52-3c1d-4e7a-9f00-000000000001","rev":41,"tombstone":false,"orgUnit":"ou-1","dueDate":"2026-12-03",
			  "body":{"formId":null,"title":" Fire exit inspection ","orgUnitId":"ou-1","locationId":"loc-9","dueDate":"2026-12-03",
			   "leewayDays":3,"recurrence":"WEEKLY","performerIds":["u-2","u-1"],"status":"SCHEDULED","answers":{"q1":"Yes","q2":"No"},
			   "scorePercent":62.5,"addedByANewerServer":{"x":[1,2.5,true]}}},
			 {"type":"event","id":"0B7E6A52-3C1D-4E7A-9F00-000000000002","rev":42,"dueDate":"2027-01-15",
			  "body":{"title":"Only a title; the due date comes from the record's column","leewayDays":4.0}},
			 {"type":"event","id":"0b7e6a52-3c1d-4e7a-9f00-000000000003","rev":43,"tombstone":true,"body":{}},
			 {"type":"finding","id":"0b7e6a52-3c1d-4e7a-9f00-000000000004","rev":44,
			  "body":{"description":"Exit blocked","eventId":"0b7e6a52-3c1d-4e7a-9f00-000000000001","nonConformance":true,"likelihood":4,
			   "consequence":5,"residualLikelihood":2,"residualConsequence":2}},
			 {"type":"action","id":"0b7e6a52-3c1d-4e7a-9f00-000000000005","rev":45,"dueDate":"2026-12-10",
			  "body":{"description":"Clear the exit","findingId":"0b7e6a52-3c1d-4e7a-9f00-000000000004","progress":50,"status":"IN_PROGRESS"}}
			],"left":[{"type":"event","id":"0b7e6a52-3c1d-4e7a-9f00-000000000009","rev":40}],"nextCursor":"45","hasMore":true,"remaining":12}
			""";

	private LocalDatabase database;

	@BeforeEach
	void open() throws Exception {
		ServiceTracker<LocalDatabase, LocalDatabase> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(RowPlanTest.class).getBundleContext(),
				LocalDatabase.class, null);
		tracker.open();
		database = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
	}

	private RowPlan plan(String wireType, Class<? extends SyncedRecord> type) {
		RecordTypeIndex.Entry entry = new RecordTypeIndex.Entry(wireType, type, null);
		return database.read(em -> RowPlan.of(RowColumns.of(em, type), entry::newRecord));
	}

	/** Reads bodies of the three types into their plans. */
	private ChangePageStream.BodyReader<PulledFields> bodies(RowPlan events, RowPlan findings, RowPlan actions) {
		return new ChangePageStream.BodyReader<>() {
			@Override
			public PulledFields read(String type, JsonParser body) throws java.io.IOException {
				return PulledFields.read(switch (type) {
				case "event" -> events;
				case "finding" -> findings;
				case "action" -> actions;
				default -> null;
				}, body);
			}

			@Override
			public PulledFields empty() {
				return PulledFields.EMPTY;
			}
		};
	}

	/** The row of the entity built the way every pulled record was built before: a new one, the server's id, its fields, its revision. */
	private static Object[] entityRow(RowPlan plan, Class<? extends SyncedRecord> type, StreamedRecord<PulledFields> record) {
		SyncedRecord entity = new RecordTypeIndex.Entry(record.type(), type, null).newRecord();
		entity.setId(record.id());
		((Syncable) entity).applySyncedFields(record.body().toMap(record.dueDate()));
		entity.setRevision(record.rev());
		return plan.columns().columnValues(entity);
	}

	@Test
	void rowsReadFromTheStreamAreTheRowsOfTheEntitiesTheModulesBuild() {
		RowPlan events = plan("event", Event.class);
		RowPlan findings = plan("finding", Finding.class);
		RowPlan actions = plan("action", Action.class);
		Page<PulledFields> page = ChangePageStream.read(PAGE.getBytes(StandardCharsets.UTF_8), bodies(events, findings, actions));
		List<StreamedRecord<PulledFields>> records = page.records();

		RowPlan.Rows eventRows = events.rows();
		// twice each, in turn: what one record leaves in the scratch entity must not reach the next
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 2; i++) {
				StreamedRecord<PulledFields> record = records.get(i);
				assertArrayEquals(entityRow(events, Event.class, record), eventRows.row(record.id(), record.rev(), record.dueDate(), record.body()),
						record.id());
			}
		}
		StreamedRecord<PulledFields> finding = records.get(3);
		assertArrayEquals(entityRow(findings, Finding.class, finding), findings.rows().row(finding.id(), finding.rev(), null, finding.body()));
		StreamedRecord<PulledFields> action = records.get(4);
		assertArrayEquals(entityRow(actions, Action.class, action), actions.rows().row(action.id(), action.rev(), action.dueDate(), action.body()));

		Object[] second = eventRows.row(records.get(1).id(), 42, records.get(1).dueDate(), records.get(1).body());
		assertTrue(Arrays.asList(second).contains("0b7e6a52-3c1d-4e7a-9f00-000000000002"), "the id as the entity keeps it, in small letters");
		assertTrue(Arrays.asList(second).contains(java.time.LocalDate.of(2027, 1, 15)), "the due date from the record's column");
	}

	@Test
	void fieldsTheEntityKeepsAsTheyAreGoStraightToTheirColumnsOthersThroughItsTranslation() {
		RowPlan events = plan("event", Event.class);
		assertTrue(events.isDirect("title") && events.isDirect("dueDate") && events.isDirect("status") && events.isDirect("leewayDays")
				&& events.isDirect("scorePercent"));
		assertFalse(events.isDirect("performerIds"), "a list kept as joined text");
		assertFalse(events.isDirect("answers"), "a map kept as JSON");
		RowPlan findings = plan("finding", Finding.class);
		assertTrue(findings.isDirect("likelihood") && findings.isDirect("nonConformance") && findings.isDirect("description"));
	}

	@Test
	void aValueTheEntityCannotReadMakesNoRow() {
		RowPlan events = plan("event", Event.class);
		Page<PulledFields> page = ChangePageStream.read("""
				{"category":"events","records":[{"type":"event","id":"0b7e6a52-3c1d-4e7a-9f00-000000000001","rev":1,
				 "body":{"title":"t","status":"NOT_A_STATUS","leewayDays":1.5}}]}""".getBytes(StandardCharsets.UTF_8), bodies(events, null, null));
		StreamedRecord<PulledFields> record = page.records().get(0);
		assertThrows(IllegalArgumentException.class, () -> events.rows().row(record.id(), 1, null, record.body()));
		assertThrows(IllegalArgumentException.class, () -> entityRow(events, Event.class, record), "the entity refuses it too, naming the field");
	}

	@Test
	void thePageAroundTheBodiesIsReadAsTheCodecReadsIt() {
		Page<PulledFields> page = ChangePageStream.read(PAGE.getBytes(StandardCharsets.UTF_8), bodies(null, null, null));
		assertEquals("events", page.category());
		assertEquals(5, page.records().size());
		assertEquals("45", page.nextCursor());
		assertTrue(page.hasMore());
		assertFalse(page.reset());
		assertEquals(12, page.remaining());
		assertEquals("0b7e6a52-3c1d-4e7a-9f00-000000000009", page.left().get(0).id());
		StreamedRecord<PulledFields> first = page.records().get(0);
		assertEquals("ou-1", first.orgUnit());
		assertNull(first.location());
		assertTrue(page.records().get(2).tombstone());
		assertEquals(List.of("u-2", "u-1"), first.body().toMap(null).get("performerIds"), "without a plan every field is kept by name");
		assertEquals(62.5, first.body().toMap(null).get("scorePercent"));
		assertEquals(3L, first.body().toMap(null).get("leewayDays"), "whole numbers as Long");
	}

	@Test
	void aPageThatIsNotOneIsRefusedNamingTheField() {
		org.outpost.protocol.ProtocolException wrongType = assertThrows(org.outpost.protocol.ProtocolException.class,
				() -> ChangePageStream.read("{\"category\":\"events\",\"records\":[{\"type\":\"event\",\"id\":\"x\",\"rev\":\"7\",\"body\":{}}]}"
						.getBytes(StandardCharsets.UTF_8), bodies(null, null, null)));
		assertTrue(wrongType.getMessage().contains("records[0].rev"), wrongType.getMessage());
		org.outpost.protocol.ProtocolException cut = assertThrows(org.outpost.protocol.ProtocolException.class,
				() -> ChangePageStream.read("{\"category\":\"events\",\"records\":[{\"type\"".getBytes(StandardCharsets.UTF_8), bodies(null, null, null)));
		assertEquals(org.outpost.protocol.ErrorCode.MALFORMED_JSON, cut.code());
	}

	@Test
	void eachRefusalNamesThePlaceOfTheWrongValue() {
		String record = "{\"type\":\"event\",\"id\":\"x\",\"rev\":7,\"body\":{}}";
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("{\"category\":\"events\",\"records\":[" + record + ",7]}", "'records[1]' must be a JSON object");
		refused.put("{\"category\":\"events\",\"records\":[" + record + "," + record.replace("{}", "[]") + "]}", "'records[1].body' must be a JSON object");
		refused.put("{\"category\":\"events\",\"records\":[" + record.replace("\"x\"", "7") + "]}", "'records[0].id' must be a string");
		refused.put("{\"category\":\"events\",\"records\":[" + record.replace("\"event\"", "\" \"") + "]}", "'records[0].type' is required");
		refused.put("{\"category\":\"events\",\"records\":[" + record.replace("{}", "{},\"dueDate\":\"soon\"") + "]}",
				"'records[0].dueDate' must be a date");
		refused.put("{\"category\":\"events\",\"left\":[{\"type\":\"event\",\"id\":\"a\",\"rev\":1},{\"type\":\"event\",\"rev\":2}]}",
				"'left[1].id' is required");
		refused.put("{\"category\":\"events\",\"hasMore\":\"yes\"}", "'hasMore' must be true or false");
		refused.put("{\"category\":\"events\",\"remaining\":1.5}", "'remaining' must be an integer");
		refused.forEach((page, message) -> {
			org.outpost.protocol.ProtocolException refusal = assertThrows(org.outpost.protocol.ProtocolException.class,
					() -> ChangePageStream.read(page.getBytes(StandardCharsets.UTF_8), bodies(null, null, null)), page);
			assertEquals(org.outpost.protocol.ErrorCode.INVALID_REQUEST, refusal.code(), page);
			assertTrue(refusal.getMessage().contains(message), page + ": " + refusal.getMessage());
		});
	}
}
