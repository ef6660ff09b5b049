package org.outpost.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.outpost.core.record.RuleViolation;
import org.outpost.sync.outbox.RecordChanges;

/** Moves Events through their statuses under {@link EventRules}, every move queued for sync. */
public final class EventLifecycle {

	private final List<EventVerificationGuard> guards;
	private final Clock clock;

	public EventLifecycle(Collection<EventVerificationGuard> guards) {
		this(guards, Clock.systemDefaultZone());
	}

	/** @param clock today's date, for a recurring event completed without a due date */
	public EventLifecycle(Collection<EventVerificationGuard> guards, Clock clock) {
		this.guards = List.copyOf(guards);
		this.clock = clock;
	}

	/** With the guards other modules registered as OSGi services. */
	public static EventLifecycle withInstalledGuards() {
		BundleContext context = FrameworkUtil.getBundle(EventLifecycle.class).getBundleContext();
		List<EventVerificationGuard> found = new ArrayList<>();
		try {
			for (ServiceReference<EventVerificationGuard> reference : context.getServiceReferences(EventVerificationGuard.class, null)) {
				EventVerificationGuard guard = context.getService(reference);
				if (guard != null) {
					found.add(guard);
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e); // no filter given: cannot happen
		}
		return new EventLifecycle(found);
	}

	/**
	 * Moves the event; completing a recurring event also creates its next occurrence (queued in the
	 * same transaction). Completion, not verification, brings the next one: the work is done then and
	 * the next inspection must be planned even while a reviewer has not verified this one yet.
	 *
	 * @throws RuleViolation naming what to do first when the move is not allowed now
	 */
	public Event moveTo(RecordChanges changes, String eventId, EventStatus target) {
		Event event = changes.entityManager().find(Event.class, eventId);
		if (event == null || event.isTombstone()) {
			throw new IllegalArgumentException("There is no event " + eventId + " on this device");
		}
		Form form = event.getFormId() == null ? null : changes.entityManager().find(Form.class, event.getFormId());
		RuleViolation.check(EventRules.problemsMovingTo(changes.entityManager(), event, target, form, guards));
		Event moved = changes.edit(Event.class, eventId, e -> e.setStatus(target));
		if (target == EventStatus.COMPLETED) {
			scheduleNext(changes, moved);
		}
		return moved;
	}

	/** Creates the next occurrence unless the event does not repeat or it exists already (also as a deleted one). */
	private void scheduleNext(RecordChanges changes, Event completed) {
		Event next = completed.nextOccurrence(LocalDate.now(clock));
		if (next != null && changes.entityManager().find(Event.class, next.getId()) == null) {
			changes.create(next);
		}
	}
}
