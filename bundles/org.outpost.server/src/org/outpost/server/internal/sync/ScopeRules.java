package org.outpost.server.internal.sync;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.outpost.protocol.JsonCodec;

import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.RecordTypes.RecordType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which records a user's device receives and which changes it may make (DESIGN.md §3 Scope):
 * the user's org units (with sub-units) and permissions, narrowed by the device's sync settings.
 * The one place these rules live; the change feed and push both ask it.
 */
public final class ScopeRules {

	/** Types whose records belong to an org unit and cannot be created without one. */
	private static final Set<String> NEED_ORG_UNIT = Set.of("event", "finding", "action", "risk");
	/** Types the device's location selection narrows. */
	private static final Set<String> BY_LOCATION = Set.of("event", "finding", "action");
	/** The statuses of a closed action (the desktop's ActionStatus names). */
	private static final Set<String> CLOSED_ACTION = Set.of("COMPLETE", "VERIFIED");

	private final UserScope user;
	private final DeviceScope device;
	private final Set<String> deviceOrgUnits;
	private final LocalDate today;

	/**
	 * @param deviceOrgUnits the org units the device chose, with their sub-units; empty: all of the user's
	 */
	public ScopeRules(UserScope user, DeviceScope device, Set<String> deviceOrgUnits, LocalDate today) {
		this.user = user;
		this.device = device;
		this.deviceOrgUnits = Set.copyOf(deviceOrgUnits);
		this.today = today;
	}

	/** All that decides these rules, as JSON text ({@link #fromJson} reads it back). */
	public String toJson() {
		ObjectNode json = JsonCodec.newObject().put("user", user.user());
		strings(json.putArray("permissions"), user.permissions());
		strings(json.putArray("orgUnits"), user.orgUnits());
		strings(json.putArray("deviceOrgUnits"), deviceOrgUnits);
		strings(json.putArray("locations"), device.locations());
		json.put("dueToLastDays", device.dueToLastDays()).put("syncInAdvanceDays", device.syncInAdvanceDays())
				.put("syncAllRisks", device.syncAllRisks()).put("onlyMyActions", device.onlyMyActions()).put("closedActions", device.closedActions())
				.put("today", today.toString());
		return JsonCodec.toText(json);
	}

	public static ScopeRules fromJson(String text) {
		ObjectNode json = JsonCodec.parseObject(text);
		UserScope user = new UserScope(json.path("user").asText(), json.path("user").asText(), true, strings(json.get("permissions")),
				strings(json.get("orgUnits")));
		DeviceScope device = new DeviceScope(json.path("dueToLastDays").asInt(), json.path("syncInAdvanceDays").asInt(), List.of(),
				List.copyOf(strings(json.get("locations"))), json.path("syncAllRisks").asBoolean(), json.path("onlyMyActions").asBoolean(),
				json.path("closedActions").asBoolean(true));
		return new ScopeRules(user, device, strings(json.get("deviceOrgUnits")), LocalDate.parse(json.path("today").asText()));
	}

	private static void strings(ArrayNode array, Collection<String> values) {
		new TreeSet<>(values).forEach(array::add);
	}

	private static Set<String> strings(JsonNode array) {
		Set<String> values = new HashSet<>();
		if (array != null) {
			array.forEach(value -> values.add(value.asText()));
		}
		return values;
	}

	/** The first day of the event window: Due to Last. */
	public LocalDate windowStart() {
		return today.minusDays(device.dueToLastDays());
	}

	/** The last day of the event window: Sync in Advance. */
	public LocalDate windowEnd() {
		return today.plusDays(device.syncInAdvanceDays());
	}

	/**
	 * True when the device should hold this record (live or tombstone).
	 *
	 * @param status the record's {@code status} field (null when it has none)
	 */
	public boolean visible(RecordType type, String orgUnit, String location, LocalDate dueDate, String owner, String status) {
		String name = type.name();
		if (type.serverManaged()) {
			// admin data every desktop needs to work: its own org units and locations, its own assignments, shared lists
			return switch (name) {
			case "orgunit", "location" -> orgUnit != null && inScope(orgUnit);
			case "assignment" -> user.user().equals(owner);
			default -> true;
			};
		}
		if (!user.may(type.module(), "view")) {
			return false;
		}
		Optional<RecordType> attachedTo = AttachmentScope.DOCUMENT.equals(name) ? AttachmentScope.ownerType(status) : Optional.empty();
		if (attachedTo.isPresent()) {
			// a document filed under its record (AttachmentScope): it goes where that record goes
			return visible(attachedTo.get(), orgUnit, location, dueDate, owner, AttachmentScope.ownerStatus(status));
		}
		if (orgUnit != null && !inScope(orgUnit)) {
			return false;
		}
		if (BY_LOCATION.contains(name) && !device.locations().isEmpty() && location != null && !device.locations().contains(location)) {
			return false;
		}
		return switch (name) {
		case "event" -> dueDate == null || !dueDate.isBefore(windowStart()) && !dueDate.isAfter(windowEnd());
		case "risk" -> device.syncAllRisks() || user.user().equals(owner);
		case "action" -> (!device.onlyMyActions() || user.user().equals(owner)) && (device.closedActions() || status == null || !CLOSED_ACTION.contains(status));
		default -> true;
		};
	}

	/**
	 * What the database can check of {@link #visible} for records of this type: every record
	 * {@code visible} accepts lies inside these bounds (a superset, so the change feed filters on
	 * them in SQL and {@code visible} still decides).
	 */
	public ColumnBounds bounds(RecordType type) {
		if (type.serverManaged() || AttachmentScope.DOCUMENT.equals(type.name())) {
			// few records, and rules other than the org unit; a document goes where its record goes, whose type its status names
			return ColumnBounds.NONE;
		}
		Set<String> units = new HashSet<>();
		user.orgUnits().stream().filter(this::inScope).forEach(units::add);
		Set<String> locations = BY_LOCATION.contains(type.name()) && !device.locations().isEmpty() ? Set.copyOf(device.locations()) : null;
		boolean dated = "event".equals(type.name());
		return new ColumnBounds(Set.copyOf(units), locations, dated ? windowStart() : null, dated ? windowEnd() : null);
	}

	/**
	 * Bounds on a record's scope columns; a null member bounds nothing, and a record whose column
	 * is null is inside that column's bound (as {@link ScopeRules#visible} lets it through).
	 *
	 * @param orgUnits the org units a record may have
	 * @param locations the locations a record may have
	 * @param dueFrom with {@code dueTo}: the days a record may be due
	 */
	public record ColumnBounds(Set<String> orgUnits, Set<String> locations, LocalDate dueFrom, LocalDate dueTo) {

		public static final ColumnBounds NONE = new ColumnBounds(null, null, null, null);

		/** The test the change feed makes in SQL, for checking the bounds against {@link ScopeRules#visible}. */
		public boolean admits(String orgUnit, String location, LocalDate dueDate) {
			return (orgUnits == null || orgUnit == null || orgUnits.contains(orgUnit))
					&& (locations == null || location == null || locations.contains(location))
					&& (dueFrom == null || dueDate == null || !dueDate.isBefore(dueFrom) && !dueDate.isAfter(dueTo));
		}
	}

	/**
	 * Why this user may not make this change, or empty when it may.
	 *
	 * @param orgUnitBefore the record's org unit on the server (null for a create)
	 * @param orgUnitAfter the org unit the record would have after the change
	 */
	public Optional<String> refusal(RecordType type, Operation operation, String orgUnitBefore, String orgUnitAfter) {
		if (type.serverManaged()) {
			return Optional.of(type.name() + " records are managed on the server; devices cannot change them");
		}
		String action = switch (operation) {
		case CREATE -> "create";
		case UPDATE -> "edit";
		case DELETE -> "delete";
		};
		if (!user.may(type.module(), action)) {
			return Optional.of("Your role may not " + action + " " + type.module() + " (permission " + type.module() + "." + action + ")");
		}
		if (orgUnitBefore != null && !user.orgUnits().contains(orgUnitBefore)) {
			return Optional.of("The record belongs to org unit " + orgUnitBefore + ", which is outside your assignments");
		}
		if (operation != Operation.DELETE && orgUnitAfter != null && !user.orgUnits().contains(orgUnitAfter)) {
			return Optional.of("The org unit " + orgUnitAfter + " is outside your assignments");
		}
		if (operation != Operation.DELETE && orgUnitAfter == null && NEED_ORG_UNIT.contains(type.name())) {
			return Optional.of("A " + type.name() + " needs an org unit");
		}
		return Optional.empty();
	}

	private boolean inScope(String orgUnit) {
		return user.orgUnits().contains(orgUnit) && (deviceOrgUnits.isEmpty() || deviceOrgUnits.contains(orgUnit));
	}
}
