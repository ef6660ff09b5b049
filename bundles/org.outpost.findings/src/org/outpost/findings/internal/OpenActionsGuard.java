package org.outpost.findings.internal;

import java.util.List;
import java.util.Optional;

import org.outpost.events.Event;
import org.outpost.events.EventVerificationGuard;
import org.outpost.findings.Action;
import org.outpost.findings.FindingRules;

import jakarta.persistence.EntityManager;

/** An Event cannot become Verified while any of its Actions is open. */
public final class OpenActionsGuard implements EventVerificationGuard {

	@Override
	public Optional<String> objection(EntityManager em, Event event) {
		List<Action> open = FindingRules.openActionsOfEvent(em, event.getId());
		if (open.isEmpty()) {
			return Optional.empty();
		}
		String first = open.get(0).getDescription();
		return Optional.of("Complete its open actions before verifying the event: " + open.size() + " still open, e.g. \u201c"
				+ (first.length() > 60 ? first.substring(0, 60) + "\u2026" : first) + "\u201d.");
	}
}
