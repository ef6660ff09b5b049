package org.outpost.sync.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The server's data for the sync benchmark, written into its store before it starts: one officer
 * assigned to one org unit, and N events due within the default date window, each with two
 * findings, one of them a non-conformance with an action. Everything is in the officer's scope.
 * Record ids are derived from their number, so the benchmark edits records without keeping lists.
 */
final class BenchmarkData {

	static final String USER = "officer";
	static final String PASSWORD = "field-work-2026";
	private static final int PER_TRANSACTION = 250;
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private BenchmarkData() {
	}

	static String eventId(int n) {
		return id("event", n);
	}

	static String eventTitle(int n) {
		return "Site inspection #" + n + " of the harbour plant";
	}

	static void load(Path data, int events) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (ServerAdmin admin = ServerAdmin.open(ServerConfig.defaults(data))) {
			admin.putRole("officer", List.of("desktop.login", "events.*", "findings.*", "obligations.*", "risks.*", "documents.*", "admin.view"));
			String userId = admin.putUser(USER, "Field Officer", PASSWORD, List.of("officer"));
			String unit = admin.addOrgUnit("North", null);
			String location = admin.addLocation("Harbour plant", unit);
			admin.assign(USER, unit);
			for (int first = 0; first < events; first += PER_TRANSACTION) {
				Map<String, Map<String, JsonNode>> eventBatch = new LinkedHashMap<>();
				Map<String, Map<String, JsonNode>> findingBatch = new LinkedHashMap<>();
				Map<String, Map<String, JsonNode>> actionBatch = new LinkedHashMap<>();
				for (int n = first; n < Math.min(events, first + PER_TRANSACTION); n++) {
					String due = today.plusDays(n % 51 - 25).toString();
					ObjectNode event = object("title", eventTitle(n), "orgUnitId", unit, "locationId", location, "status", "SCHEDULED", "recurrence",
							"NONE");
					event.put("leewayDays", n % 7);
					event.set("performerIds", NODES.arrayNode().add(userId));
					eventBatch.put(eventId(n), fields(event, "orgUnit", unit, "location", location, "dueDate", due));
					for (int f = 0; f < 2; f++) {
						ObjectNode finding = object("description", "Finding " + f + " of inspection #" + n + ": the fire exit is partly blocked",
								"eventId", eventId(n));
						finding.put("nonConformance", f == 0);
						finding.put("likelihood", 1 + n % 5);
						finding.put("consequence", 1 + f);
						finding.put("residualLikelihood", 1);
						finding.put("residualConsequence", 1);
						findingBatch.put(id("finding", 2 * n + f), fields(finding, "orgUnit", unit, "location", location));
					}
					ObjectNode action = object("description", "Clear the fire exit found blocked in inspection #" + n, "findingId", id("finding", 2 * n),
							"eventId", eventId(n), "responsibleUserId", userId, "status", "PENDING");
					action.put("progress", 0);
					actionBatch.put(id("action", n),
							fields(action, "orgUnit", unit, "location", location, "dueDate", today.plusDays(n % 30).toString(), "owner", USER));
				}
				admin.putRecords("event", eventBatch);
				admin.putRecords("finding", findingBatch);
				admin.putRecords("action", actionBatch);
			}
		}
	}

	private static String id(String type, int n) {
		return UUID.nameUUIDFromBytes((type + " " + n).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static ObjectNode object(String... namesAndValues) {
		ObjectNode node = NODES.objectNode();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			node.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return node;
	}

	/** The body's fields plus the scope fields the server files the record under. */
	private static Map<String, JsonNode> fields(ObjectNode body, String... scope) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		body.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
		for (int i = 0; i < scope.length; i += 2) {
			fields.put(scope[i], NODES.textNode(scope[i + 1]));
		}
		return fields;
	}
}
