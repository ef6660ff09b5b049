package org.outpost.events;

import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * An OSGi service through which another module can object to an Event becoming Verified; the
 * Findings module objects while any of the event's Actions is open. Consulted inside the
 * transaction that would verify the event.
 */
public interface EventVerificationGuard {

	/** Why the event cannot be verified now, in words that say what to do, or empty. */
	Optional<String> objection(EntityManager em, Event event);
}
