package org.outpost.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.outpost.server.internal.sync.ServerSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small, repeatable demo company for the server: org units, locations, roles, the users
 * {@code demo/demo} (a compliance officer of the North region), {@code admin/admin} and
 * {@code viewer/viewer} (web only), forms, a setting, events with findings and actions, obligations
 * and risks. The same seed gives the same data (apart from record ids and passwords' salts).
 */
public final class DemoData {

	private static final String[] FORMS = { "Site inspection", "Safety audit", "Environmental check" };
	private static final String[] EVENT_STATUS = { "tentative", "scheduled", "in progress", "completed", "verified" };
	private static final String[] SEVERITY = { "low", "medium", "high" };

	private DemoData() {
	}

	/** What was made, for the command line's message. */
	public record Summary(int orgUnits, int locations, int users, int events, int findings, int actions, int obligations, int risks) {
	}

	public static Summary generate(ServerAdmin admin, long seed) {
		Random random = new Random(seed);
		LocalDate today = LocalDate.now();
		admin.putRole("Administrator", List.of("*"));
		admin.putRole("Compliance officer", List.of("desktop.login", "events.*", "findings.*", "obligations.view", "obligations.edit",
				"risks.view", "risks.edit", "documents.*", "admin.view"));
		admin.putRole("Viewer", List.of("events.view", "findings.view"));

		String group = admin.addOrgUnit("Outpost Group", null);
		String north = admin.addOrgUnit("North region", group);
		String south = admin.addOrgUnit("South region", group);
		List<String> sites = List.of(admin.addOrgUnit("Harbour plant", north), admin.addOrgUnit("Quarry", north),
				admin.addOrgUnit("Depot", south), admin.addOrgUnit("Laboratory", south));
		List<String> locations = new ArrayList<>();
		for (int i = 0; i < sites.size(); i++) {
			locations.add(admin.addLocation("Building " + (char) ('A' + i), sites.get(i)));
			locations.add(admin.addLocation("Yard " + (char) ('A' + i), sites.get(i)));
		}

		admin.putUser("admin", "Ada Admin", "admin", List.of("Administrator"));
		admin.putUser("demo", "Dana Demo", "demo", List.of("Compliance officer"));
		admin.putUser("viewer", "Vic Viewer", "viewer", List.of("Viewer"));
		admin.assign("admin", group);
		admin.assign("demo", north);
		admin.assign("viewer", south);

		List<String> forms = new ArrayList<>();
		for (String form : FORMS) {
			forms.add(admin.putRecord("form", ServerAdmin.newId(), ServerAdmin.fields(ServerAdmin.object("name", form))).id());
		}
		ObjectNode setting = ServerAdmin.object("name", ServerSettings.ACTIONS_ASSIGNED_TO_USER_ONLY);
		setting.put("value", false);
		admin.putRecord("setting", ServerAdmin.newId(), ServerAdmin.fields(setting));

		int findings = 0;
		int actions = 0;
		int events = 40;
		for (int e = 0; e < events; e++) {
			int site = random.nextInt(sites.size());
			String owner = site < 2 ? "demo" : "admin";
			ObjectNode event = ServerAdmin.object("title", FORMS[e % FORMS.length] + " #" + (e + 1), "form", forms.get(e % forms.size()),
					"status", EVENT_STATUS[random.nextInt(EVENT_STATUS.length)]);
			event.put("leewayDays", random.nextInt(8));
			String eventId = admin.putRecord("event", ServerAdmin.newId(), ServerAdmin.fields(event, "orgUnit", sites.get(site), "location",
					locations.get(site * 2 + random.nextInt(2)), "dueDate", today.plusDays(random.nextInt(121) - 60).toString(), "owner", owner))
					.id();
			for (int f = random.nextInt(3); f > 0; f--) {
				boolean nonConformance = random.nextBoolean();
				ObjectNode finding = ServerAdmin.object("event", eventId, "description", "Finding " + (++findings) + " of event " + (e + 1),
						"severity", SEVERITY[random.nextInt(SEVERITY.length)]);
				finding.put("nonConformance", nonConformance);
				String findingId = admin.putRecord("finding", ServerAdmin.newId(),
						ServerAdmin.fields(finding, "orgUnit", sites.get(site), "location", null, "owner", owner)).id();
				if (nonConformance) {
					ObjectNode action = ServerAdmin.object("finding", findingId, "title", "Fix finding " + findings, "status", "pending");
					action.put("progress", 0);
					admin.putRecord("action", ServerAdmin.newId(), ServerAdmin.fields(action, "orgUnit", sites.get(site), "dueDate",
							today.plusDays(random.nextInt(30)).toString(), "owner", owner));
					actions++;
				}
			}
		}
		String[] topics = { "Waste water permit", "Fire safety code", "Noise limits", "Chemical storage", "Emissions report", "Working hours",
				"First aid", "Data protection" };
		for (String topic : topics) {
			ObjectNode obligation = ServerAdmin.object("topic", topic, "authority", "Regional authority", "status", "pending review");
			obligation.put("riskScore", 1 + random.nextInt(25));
			admin.putRecord("obligation", ServerAdmin.newId(), ServerAdmin.fields(obligation, "orgUnit", random.nextBoolean() ? north : south));
		}
		int risks = 6;
		for (int r = 0; r < risks; r++) {
			ObjectNode risk = ServerAdmin.object("title", "Risk " + (r + 1));
			risk.put("likelihood", 1 + random.nextInt(5));
			risk.put("consequence", 1 + random.nextInt(5));
			Map<String, JsonNode> fields = ServerAdmin.fields(risk, "orgUnit", sites.get(r % sites.size()), "owner", r % 2 == 0 ? "demo" : "admin");
			fields.put("controls", JsonNodeFactory.instance.arrayNode().add("Training").add("Inspection"));
			admin.putRecord("risk", ServerAdmin.newId(), fields);
		}
		return new Summary(3 + sites.size(), locations.size(), 3, events, findings, actions, topics.length, risks);
	}
}
