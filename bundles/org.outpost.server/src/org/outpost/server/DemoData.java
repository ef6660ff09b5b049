package org.outpost.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.outpost.protocol.Protocol;
import org.outpost.server.internal.sync.ServerSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small, repeatable demo company for the server: org units, locations, roles, the users
 * {@code demo/demo} (a compliance officer of the North region), {@code admin/admin} and
 * {@code viewer/viewer} (web only), forms, a setting, events with findings and actions, obligations
 * and risks. The same seed gives the same data (apart from record ids and passwords' salts).
 * <p>
 * Every body holds exactly the synced fields of the desktop entity of its type, in their wire form
 * (enums by constant name, references by record id). The scope columns hold what the desktop's
 * participants file a record under: an event's own org unit, location and due date; a finding at
 * its event; an action at its finding's event, with its due date and its responsible user's name as owner.
 */
public final class DemoData {

	private static final String[] FORMS = { "Site inspection", "Safety audit", "Environmental check" };
	private static final String[][] QUESTIONS = { { "Are the exits clear?", "Are the signs visible?", "Is the first aid kit complete?" },
			{ "Is protective equipment worn?", "Are the machines guarded?", "Is the incident log up to date?" },
			{ "Is waste separated?", "Are the drains clean?", "Are chemicals stored safely?" } };
	private static final String[] ANSWERS = { "Yes", "Partly", "No" };
	private static final String[] EVENT_STATUS = { "TENTATIVE", "SCHEDULED", "IN_PROGRESS", "COMPLETED", "VERIFIED" };
	private static final String[] RECURRENCE = { "NONE", "NONE", "MONTHLY", "QUARTERLY", "YEARLY" };
	private static final String[] OBLIGATION_STATUS = { "PENDING_REVIEW", "COMPLIANT", "PARTIALLY_COMPLIANT", "NON_COMPLIANT" };
	/** The desktop's permissions per module (org.outpost.admin.Permission keys). */
	private static final String[] ACTIONS = { "view", "create", "edit", "delete", "sync_to_device", "change_performed_date" };

	private DemoData() {
	}

	/** What was made, for the command line's message. */
	public record Summary(int orgUnits, int locations, int users, int events, int findings, int actions, int obligations, int risks) {
	}

	public static Summary generate(ServerAdmin admin, long seed) {
		Random random = new Random(seed);
		LocalDate today = LocalDate.now();
		// explicit keys, no wildcards: the desktop checks a role's permissions key by key
		List<String> everything = new ArrayList<>(List.of("desktop.login"));
		for (String module : List.of("events", "findings", "obligations", "risks", "documents", "admin")) {
			everything.addAll(permissions(module, ACTIONS));
		}
		everything.add(Protocol.SERVER_EDIT); // edits records on the web side (POST /api/v1/admin/records)
		admin.putRole("Administrator", everything);
		List<String> officer = new ArrayList<>(List.of("desktop.login"));
		officer.addAll(permissions("events", ACTIONS));
		officer.addAll(permissions("findings", ACTIONS));
		officer.addAll(permissions("documents", ACTIONS));
		officer.addAll(permissions("obligations", "view", "edit"));
		officer.addAll(permissions("risks", "view", "edit"));
		officer.addAll(permissions("admin", "view"));
		admin.putRole("Compliance officer", officer);
		admin.putRole("Viewer", List.of("events.view", "findings.view"));

		String group = admin.addOrgUnit("Outpost Group", null);
		String north = admin.addOrgUnit("North region", group);
		String south = admin.addOrgUnit("South region", group);
		// the first two sites are the demo user's (North), the others the administrator's (South)
		List<String> sites = List.of(admin.addOrgUnit("Harbour plant", north), admin.addOrgUnit("Quarry", north),
				admin.addOrgUnit("Depot", south), admin.addOrgUnit("Laboratory", south));
		List<String> locations = new ArrayList<>();
		for (int i = 0; i < sites.size(); i++) {
			locations.add(admin.addLocation("Building " + (char) ('A' + i), sites.get(i)));
			locations.add(admin.addLocation("Yard " + (char) ('A' + i), sites.get(i)));
		}

		String adminId = admin.putUser("admin", "Ada Admin", "admin", List.of("Administrator"));
		String demoId = admin.putUser("demo", "Dana Demo", "demo", List.of("Compliance officer"));
		admin.putUser("viewer", "Vic Viewer", "viewer", List.of("Viewer"));
		admin.assign("admin", group);
		admin.assign("demo", north);
		admin.assign("viewer", south);

		List<String> forms = new ArrayList<>();
		for (int f = 0; f < FORMS.length; f++) {
			ObjectNode form = ServerAdmin.object("name", FORMS[f]);
			form.set("questions", questions(QUESTIONS[f]));
			forms.add(admin.putRecord("form", ServerAdmin.newId(), ServerAdmin.fields(form)).id());
		}
		// a setting record as the desktop's AppSetting holds it: key and text value
		admin.putRecord("setting", ServerAdmin.newId(),
				ServerAdmin.fields(ServerAdmin.object("key", ServerSettings.ACTIONS_ASSIGNED_TO_USER_ONLY, "value", "false")));
		admin.putRecord("setting", ServerAdmin.newId(),
				ServerAdmin.fields(ServerAdmin.object("key", ServerSettings.INCLUDE_CLOSED_ACTIONS, "value", "true")));

		int findings = 0;
		int actions = 0;
		int events = 40;
		for (int e = 0; e < events; e++) {
			// three events in four at the demo user's sites, so a desktop signed in as demo has work
			int site = random.nextInt(4) < 3 ? random.nextInt(2) : 2 + random.nextInt(2);
			String orgUnit = sites.get(site);
			String location = locations.get(site * 2 + random.nextInt(2));
			String userId = site < 2 ? demoId : adminId;
			String userName = site < 2 ? "demo" : "admin";
			String status = EVENT_STATUS[random.nextInt(EVENT_STATUS.length)];
			ObjectNode event = ServerAdmin.object("formId", forms.get(e % forms.size()), "title", FORMS[e % FORMS.length] + " #" + (e + 1),
					"orgUnitId", orgUnit, "locationId", location);
			event.put("leewayDays", random.nextInt(8));
			event.put("recurrence", RECURRENCE[random.nextInt(RECURRENCE.length)]);
			event.set("performerIds", JsonNodeFactory.instance.arrayNode().add(userId));
			event.put("status", status);
			answer(event, QUESTIONS[e % forms.size()].length, !status.equals("TENTATIVE") && !status.equals("SCHEDULED"), random);
			String eventId = admin.putRecord("event", ServerAdmin.newId(),
					ServerAdmin.fields(event, "orgUnit", orgUnit, "location", location, "dueDate", today.plusDays(random.nextInt(121) - 60).toString()))
					.id();
			for (int f = random.nextInt(3); f > 0; f--) {
				boolean nonConformance = random.nextBoolean();
				ObjectNode finding = ServerAdmin.object("description", "Finding " + (++findings) + " of event " + (e + 1), "eventId", eventId);
				finding.put("nonConformance", nonConformance);
				int likelihood = 1 + random.nextInt(5);
				int consequence = 1 + random.nextInt(5);
				finding.put("likelihood", likelihood);
				finding.put("consequence", consequence);
				finding.put("residualLikelihood", 1 + random.nextInt(likelihood));
				finding.put("residualConsequence", 1 + random.nextInt(consequence));
				String findingId = admin.putRecord("finding", ServerAdmin.newId(),
						ServerAdmin.fields(finding, "orgUnit", orgUnit, "location", location)).id();
				if (nonConformance) {
					ObjectNode action = ServerAdmin.object("description", "Fix finding " + findings, "findingId", findingId, "responsibleUserId",
							userId);
					action.put("progress", 0);
					action.put("status", "PENDING");
					admin.putRecord("action", ServerAdmin.newId(), ServerAdmin.fields(action, "orgUnit", orgUnit, "location", location, "dueDate",
							today.plusDays(random.nextInt(30)).toString(), "owner", userName));
					actions++;
				}
			}
		}
		String[] topics = { "Waste water permit", "Fire safety code", "Noise limits", "Chemical storage", "Emissions report", "Working hours",
				"First aid", "Data protection" };
		String[] types = { "Permit", "Regulation", "Standard" };
		for (String topic : topics) {
			// the register is reference data every officer carries: no org unit
			ObjectNode obligation = ServerAdmin.object("topic", topic, "obligationType", types[random.nextInt(types.length)], "authority", "Regional authority",
					"status", OBLIGATION_STATUS[random.nextInt(OBLIGATION_STATUS.length)]);
			admin.putRecord("obligation", ServerAdmin.newId(), ServerAdmin.fields(obligation));
		}
		int risks = 6;
		for (int r = 0; r < risks; r++) {
			ObjectNode risk = ServerAdmin.object("title", "Risk " + (r + 1));
			risk.put("likelihood", 1 + random.nextInt(5));
			risk.put("consequence", 1 + random.nextInt(5));
			Map<String, JsonNode> fields = ServerAdmin.fields(risk, "orgUnit", sites.get(r % sites.size()), "owner", r % 2 == 0 ? "demo" : "admin");
			fields.put("controls", JsonNodeFactory.instance.textNode("Training\nInspection"));
			admin.putRecord("risk", ServerAdmin.newId(), fields);
		}
		return new Summary(3 + sites.size(), locations.size(), 3, events, findings, actions, topics.length, risks);
	}

	/**
	 * Adds {@code count} compliance officers {@code officer-0} .. (the password is the user name),
	 * each assigned to an org unit of its own under a new top unit "Field sites": many devices
	 * whose scopes do not overlap, for load tests (scripts/benchmark-server.sh). Needs the roles of
	 * {@link #generate}; returns how many officers there are.
	 */
	public static int fieldOfficers(ServerAdmin admin, int count) {
		String field = admin.addOrgUnit("Field sites", null);
		for (int k = 0; k < count; k++) {
			String name = "officer-" + k;
			admin.putUser(name, "Field officer " + k, name, List.of("Compliance officer"));
			admin.assign(name, admin.addOrgUnit("Field site " + k, field));
		}
		return count;
	}

	private static List<String> permissions(String module, String... actions) {
		return Arrays.stream(actions).map(action -> module + "." + action).toList();
	}

	/** Questions as the desktop Form syncs them: id, text and options with label and score. */
	private static ArrayNode questions(String[] texts) {
		ArrayNode questions = JsonNodeFactory.instance.arrayNode();
		for (int q = 0; q < texts.length; q++) {
			ObjectNode question = questions.addObject().put("id", "q" + (q + 1)).put("text", texts[q]);
			ArrayNode options = question.putArray("options");
			for (int a = 0; a < ANSWERS.length; a++) {
				options.addObject().put("label", ANSWERS[a]).put("score", ANSWERS.length - 1 - a);
			}
		}
		return questions;
	}

	/**
	 * Gives an event answers (when {@code started}) and their score the way the desktop scores them:
	 * the total as a percentage of the best, to one decimal.
	 */
	private static void answer(ObjectNode event, int questions, boolean started, Random random) {
		ObjectNode answers = event.putObject("answers");
		if (!started) {
			return;
		}
		int earned = 0;
		for (int q = 1; q <= questions; q++) {
			int choice = random.nextInt(ANSWERS.length);
			answers.put("q" + q, ANSWERS[choice]);
			earned += ANSWERS.length - 1 - choice;
		}
		int best = questions * (ANSWERS.length - 1);
		event.put("scorePercent", Math.round(earned * 1000.0 / best) / 10.0);
	}
}
