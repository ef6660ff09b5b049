package org.outpost.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Permission;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.admin.UserAssignment;
import org.outpost.core.record.SyncedRecord;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.events.Question;
import org.outpost.events.Recurrence;
import org.outpost.findings.Action;
import org.outpost.findings.ActionStatus;
import org.outpost.findings.Finding;
import org.outpost.findings.RiskRating;
import org.outpost.obligations.Obligation;
import org.outpost.obligations.ObligationStatus;
import org.outpost.persistence.LocalDatabase;
import org.outpost.risks.Risk;

/**
 * Writes a believable organisation into the local database: org unit tree, locations, roles and
 * users, forms, events with findings and actions, obligations, risks. Seeded: the same sizes give the
 * same records with the same ids (on the same day: due dates follow today). Records are written as
 * if pulled from the server (revision above 0, nothing queued), in batches of {@value #BATCH} per
 * transaction.
 */
public final class DemoGenerator {

	static final int BATCH = 2_000;

	private static final String[] REGIONS = { "North", "South", "East", "West", "Central", "Coast", "Highlands", "Islands" };
	private static final String[] PLACES = { "Warehouse", "Workshop", "Office", "Canteen", "Yard", "Laboratory", "Plant room", "Loading dock" };
	private static final String[] FIRST = { "Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gita", "Hugo", "Iris", "Jonas", "Kemi", "Luca" };
	private static final String[] LAST = { "Okafor", "Schmidt", "Nguyen", "Kowalski", "Moreau", "Haddad", "Tanaka", "Silva", "Berg" };
	private static final String[] FORMS = { "Site safety walk", "Fire safety inspection", "Kitchen hygiene audit", "Environmental audit",
			"Vehicle check", "First aid kit check", "Chemical storage review", "Scaffold inspection" };
	private static final String[] QUESTIONS = { "Are fire exits clear?", "Are extinguishers in date?", "Is signage visible?",
			"Are spill kits stocked?", "Is PPE worn where required?", "Are walkways free of trip hazards?", "Is waste segregated?",
			"Are records up to date?", "Is lighting adequate?", "Are first aid kits complete?", "Is machinery guarded?",
			"Are chemicals labelled?" };
	private static final String[] FINDINGS = { "Fire exit partly blocked by pallets", "Extinguisher overdue for service", "Missing hazard sign",
			"Spill kit incomplete", "PPE not worn in the workshop", "Trip hazard on walkway", "General waste in recycling bin",
			"Training records out of date", "Emergency lighting faulty", "Guard removed from grinder" };
	private static final String[] ACTIONS = { "Clear and mark the exit route", "Book extinguisher service", "Install the sign",
			"Restock the spill kit", "Brief the team on PPE", "Repair the floor covering", "Re-label the bins", "Schedule refresher training",
			"Replace the emergency light", "Refit the guard and tag out" };
	private static final String[] TOPICS = { "Waste carrier registration", "Emergency plan review", "Noise exposure assessment",
			"Stormwater discharge permit", "Asbestos register", "Working at height procedure", "Legionella risk assessment",
			"Fire risk assessment", "Hazardous substances inventory", "Air emissions monitoring" };
	private static final String[] AUTHORITIES = { "Environment Agency", "Health and Safety Executive", "Fire Authority", "Local Council",
			"Water Authority" };

	private final DemoSizes sizes;
	private final Random random;
	private Consumer<List<SyncedRecord>> sink;
	private long revision;

	public DemoGenerator(DemoSizes sizes) {
		this.sizes = Objects.requireNonNull(sizes, "sizes");
		this.random = new Random(sizes.seed());
	}

	/** Writes everything into the database and signs in the demo administrator (who may do everything). */
	public DemoSummary writeTo(LocalDatabase database) {
		DemoSummary summary = emit(batch -> database.write(em -> {
			batch.forEach(em::persist);
			return null;
		}));
		new AccessPolicy(database).signIn(summary.signedInUserId());
		return summary;
	}

	/**
	 * Hands the records to {@code batches} in batches of at most {@value #BATCH}, referenced records
	 * first; a generator emits once.
	 */
	public DemoSummary emit(Consumer<List<SyncedRecord>> batches) {
		if (sink != null) {
			throw new IllegalStateException("A demo generator emits once; make a new one with the same sizes for the same records");
		}
		sink = Objects.requireNonNull(batches, "batches");
		LocalDate today = LocalDate.now();
		List<SyncedRecord> batch = new ArrayList<>();

		OrgUnit root = born(new OrgUnit("Outpost Group", null));
		batch.add(root);
		List<OrgUnit> sites = new ArrayList<>();
		for (int r = 0; r < sizes.regions(); r++) {
			OrgUnit region = born(new OrgUnit(REGIONS[r % REGIONS.length] + (r >= REGIONS.length ? " " + (r / REGIONS.length + 1) : ""), root.getId()));
			batch.add(region);
			for (int s = 0; s < sizes.sitesPerRegion(); s++) {
				OrgUnit site = born(new OrgUnit(region.getName() + " site " + (s + 1), region.getId()));
				batch.add(site);
				sites.add(site);
			}
		}
		int orgUnits = batch.size();
		List<Location> locations = new ArrayList<>();
		for (int s = 0; s < sites.size(); s++) {
			for (int l = 0; l < sizes.locationsPerSite(); l++) {
				List<String> units = new ArrayList<>(List.of(sites.get(s).getId()));
				if (l == 0 && s + 1 < sites.size() && random.nextInt(4) == 0) {
					units.add(sites.get(s + 1).getId()); // a shared yard or depot
				}
				Location location = born(new Location(sites.get(s).getName() + " " + PLACES[(s + l) % PLACES.length], units));
				locations.add(location);
				batch.add(location);
			}
		}

		Role administrator = new Role("Administrator");
		Role inspector = new Role("Inspector");
		Role viewer = new Role("Viewer");
		for (String module : List.of("admin", "events", "findings", "obligations", "risks", "documents")) {
			administrator.grantAll(module);
			viewer.grant(module, Permission.VIEW);
			inspector.grant(module, Permission.VIEW).grant(module, Permission.SYNC_TO_DEVICE);
		}
		for (String module : List.of("events", "findings", "documents")) {
			inspector.grant(module, Permission.CREATE).grant(module, Permission.EDIT);
		}
		List<Role> roles = List.of(born(administrator), born(inspector), born(viewer));
		batch.addAll(roles);
		List<User> users = new ArrayList<>();
		for (int u = 0; u < sizes.users(); u++) {
			String first = FIRST[u % FIRST.length];
			String last = LAST[(u / FIRST.length + u) % LAST.length];
			User user = new User(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + (u >= FIRST.length * LAST.length ? u : ""), first + " " + last);
			user.setRoleIds(List.of(roles.get(u == 0 ? 0 : u % 5 == 0 ? 2 : 1).getId()));
			users.add(born(user));
			batch.add(user);
			batch.add(born(new UserAssignment(user.getId(), u == 0 ? root.getId() : sites.get(u % sites.size()).getId())));
		}

		List<Form> forms = new ArrayList<>();
		List<AnswerOption> scale = List.of(new AnswerOption("Yes", 2), new AnswerOption("Partly", 1), new AnswerOption("No", 0),
				new AnswerOption("Not applicable", 0));
		for (int f = 0; f < sizes.forms(); f++) {
			List<Question> questions = new ArrayList<>();
			int count = 4 + random.nextInt(5);
			for (int q = 0; q < count; q++) {
				questions.add(new Question("q" + (q + 1), QUESTIONS[(f * 3 + q) % QUESTIONS.length], scale));
			}
			Form form = born(new Form(FORMS[f % FORMS.length] + (f >= FORMS.length ? " " + (f / FORMS.length + 1) : ""), questions));
			forms.add(form);
			batch.add(form);
		}
		flush(batch);

		int findings = 0;
		int actions = 0;
		for (int e = 0; e < sizes.events(); e++) {
			Form form = forms.get(random.nextInt(forms.size()));
			Location location = locations.get(random.nextInt(locations.size()));
			LocalDate due = today.plusDays(random.nextInt(546) - 365);
			Event event = born(Event.of(form, form.getName() + " \u2013 " + location.getName(), due));
			event.setOrgUnitId(location.getOrgUnitIds().get(0));
			event.setLocationId(location.getId());
			event.setLeewayDays(List.of(0, 3, 7, 14).get(random.nextInt(4)));
			event.setRecurrence(Recurrence.values()[random.nextInt(Recurrence.values().length)]);
			event.setPerformerIds(List.of(users.get(random.nextInt(users.size())).getId()));
			EventStatus status = statusFor(due, today);
			if (status.isDone() || status == EventStatus.IN_PROGRESS) {
				for (Question question : form.getQuestions()) {
					if (status.isDone() || random.nextBoolean()) {
						event.answer(form, question.id(), question.options().get(weightedAnswer()).label());
					}
				}
			}
			event.setStatus(status);
			batch.add(event);
			int eventFindings = count(sizes.findingsPerEvent());
			for (int f = 0; f < eventFindings && status != EventStatus.TENTATIVE && status != EventStatus.SCHEDULED; f++) {
				Finding finding = born(new Finding(FINDINGS[random.nextInt(FINDINGS.length)]));
				finding.setEventId(event.getId());
				finding.setNonConformance(random.nextInt(10) < 3);
				RiskRating risk = new RiskRating(1 + random.nextInt(5), 1 + random.nextInt(5));
				finding.setRisk(risk);
				finding.setResidualRisk(new RiskRating(Math.max(1, risk.likelihood() - random.nextInt(3)), risk.consequence()));
				batch.add(finding);
				findings++;
				int findingActions = Math.max(finding.isNonConformance() ? 1 : 0, count(sizes.actionsPerFinding()));
				for (int a = 0; a < findingActions; a++) {
					Action action = born(new Action(ACTIONS[random.nextInt(ACTIONS.length)], due.plusDays(7 + random.nextInt(60))));
					action.fixFinding(finding.getId());
					action.setResponsibleUserId(users.get(random.nextInt(users.size())).getId());
					ActionStatus actionStatus = status == EventStatus.VERIFIED ? ActionStatus.VERIFIED
							: ActionStatus.values()[random.nextInt(ActionStatus.values().length)];
					action.setStatus(actionStatus);
					action.setProgress(actionStatus.isOpen() ? random.nextInt(10) * 10 : 100);
					batch.add(action);
					actions++;
				}
			}
			if (batch.size() >= BATCH) {
				flush(batch);
			}
		}

		for (int o = 0; o < sizes.obligations(); o++) {
			Obligation obligation = born(new Obligation(TOPICS[o % TOPICS.length] + (o >= TOPICS.length ? " (" + sites.get(o % sites.size()).getName() + ")" : "")));
			obligation.setType(List.of("Permit", "Legislation", "Standard", "Internal policy").get(random.nextInt(4)));
			obligation.setAuthority(AUTHORITIES[random.nextInt(AUTHORITIES.length)]);
			obligation.setRiskScore((1 + random.nextInt(5)) * (1 + random.nextInt(5)));
			obligation.setStatus(ObligationStatus.values()[random.nextInt(ObligationStatus.values().length)]);
			obligation.setSources(List.of("Permit EPR/" + (1000 + random.nextInt(9000)), "Site register, section " + (1 + random.nextInt(12))));
			batch.add(obligation);
			if (batch.size() >= BATCH) {
				flush(batch);
			}
		}
		String[] hazards = { "Forklift collision", "Chemical spill", "Fall from height", "Fire in the store", "Flooding", "Data breach",
				"Noise-induced hearing loss", "Contractor injury" };
		for (int r = 0; r < sizes.risks(); r++) {
			OrgUnit site = sites.get(random.nextInt(sites.size()));
			Risk risk = born(new Risk(hazards[r % hazards.length] + " at " + site.getName()));
			risk.setOrgUnitId(site.getId());
			int likelihood = 1 + random.nextInt(5);
			int consequence = 1 + random.nextInt(5);
			risk.rateInherent(likelihood, consequence);
			risk.rateResidual(Math.max(1, likelihood - random.nextInt(3)), Math.max(1, consequence - random.nextInt(2)));
			risk.setOwnerUserId(users.get(random.nextInt(users.size())).getId());
			risk.setControls(List.of("Training and toolbox talks", "Inspections each quarter", "Permit to work", "Physical barriers").get(random.nextInt(4)));
			batch.add(risk);
		}
		flush(batch);
		return new DemoSummary(orgUnits, locations.size(), users.size(), roles.size(), forms.size(), sizes.events(), findings, actions,
				sizes.obligations(), sizes.risks(), users.get(0).getId());
	}

	/** Past events are mostly done, some left in progress (overdue); future ones tentative or scheduled. */
	private EventStatus statusFor(LocalDate due, LocalDate today) {
		int roll = random.nextInt(10);
		if (due.isBefore(today.minusDays(30))) {
			return roll < 5 ? EventStatus.VERIFIED : roll < 9 ? EventStatus.COMPLETED : EventStatus.IN_PROGRESS;
		}
		if (due.isBefore(today.plusDays(7))) {
			return roll < 3 ? EventStatus.COMPLETED : roll < 7 ? EventStatus.IN_PROGRESS : EventStatus.SCHEDULED;
		}
		return roll < 6 ? EventStatus.SCHEDULED : EventStatus.TENTATIVE;
	}

	/** Yes most of the time, then Partly, No, Not applicable. */
	private int weightedAnswer() {
		int roll = random.nextInt(20);
		return roll < 14 ? 0 : roll < 17 ? 1 : roll < 19 ? 2 : 3;
	}

	/** A whole number around {@code average}: its floor, plus one with the fraction's probability. */
	private int count(double average) {
		int whole = (int) average;
		return whole + (random.nextDouble() < average - whole ? 1 : 0);
	}

	/** Gives the record a seeded id and a server revision, as if the server had sent it. */
	private <T extends SyncedRecord> T born(T record) {
		record.setId(new UUID(random.nextLong(), random.nextLong()).toString());
		record.setRevision(++revision);
		return record;
	}

	private void flush(List<SyncedRecord> batch) {
		if (batch.isEmpty()) {
			return;
		}
		List<SyncedRecord> rows = List.copyOf(batch);
		batch.clear();
		sink.accept(rows);
	}
}
