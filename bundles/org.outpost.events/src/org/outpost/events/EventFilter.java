package org.outpost.events;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.outpost.persistence.Where;

/**
 * What the Events register shows: statuses, a due window, org units (a unit and those below it),
 * a location and a text in the title. Every part is optional; an empty filter shows everything.
 *
 * @param statuses the statuses to show; empty shows every status
 * @param dueFrom first due date shown (inclusive), or null
 * @param dueTo last due date shown (inclusive), or null
 * @param orgUnitIds the org units to show; empty shows every unit
 * @param locationId the location to show, or null
 * @param text a part of the title, any case, or blank
 */
public record EventFilter(Set<EventStatus> statuses, LocalDate dueFrom, LocalDate dueTo, Set<String> orgUnitIds, String locationId,
		String text) {

	public static final EventFilter NONE = new EventFilter(Set.of(), null, null, Set.of(), null, "");

	public EventFilter {
		statuses = Set.copyOf(statuses);
		orgUnitIds = Set.copyOf(orgUnitIds);
		text = text == null ? "" : text.strip();
		if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
			throw new IllegalArgumentException("The due window ends (" + dueTo + ") before it starts (" + dueFrom + ")");
		}
	}

	/** The condition for a {@code JpaRecordSource} over {@link Event}. */
	public Where toWhere() {
		Where where = Where.ALL;
		if (!statuses.isEmpty()) {
			where = where.and(Where.of("r.status IN :statuses", "statuses", statuses.stream().toList()));
		}
		if (dueFrom != null) {
			where = where.and(Where.of("r.dueDate >= :dueFrom", "dueFrom", dueFrom));
		}
		if (dueTo != null) {
			where = where.and(Where.of("r.dueDate <= :dueTo", "dueTo", dueTo));
		}
		if (!orgUnitIds.isEmpty()) {
			where = where.and(Where.of("r.orgUnitId IN :orgUnitIds", "orgUnitIds", orgUnitIds.stream().toList()));
		}
		if (locationId != null) {
			where = where.and(Where.of("r.locationId = :locationId", "locationId", locationId));
		}
		if (!text.isEmpty()) {
			String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where = where.and(Where.of("LOWER(r.title) LIKE :text ESCAPE '\\'", "text", pattern));
		}
		return where;
	}
}
