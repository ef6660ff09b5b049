package org.outpost.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.outpost.admin.Location;
import org.outpost.admin.OrgUnitTree;

import jakarta.persistence.EntityManager;

/** The business rules of Events: scoring, what a saved event must hold, how its status moves. */
public final class EventRules {

	/** The module's key in role permissions. */
	public static final String MODULE = "events";
	public static final String MODULE_LABEL = "Events";

	private EventRules() {
	}

	/**
	 * The score as a percentage of the form's best: the answered questions' scores over the sum of
	 * every question's best score. Null while nothing is answered or when the form scores nothing.
	 */
	public static Double score(Form form, Map<String, String> answers) {
		int max = form.maxScore();
		if (answers.isEmpty() || max == 0) {
			return null;
		}
		int earned = 0;
		for (Question question : form.getQuestions()) {
			String label = answers.get(question.id());
			if (label != null) {
				earned += question.option(label).map(AnswerOption::score).orElse(0);
			}
		}
		return Math.round(earned * 1000.0 / max) / 10.0;
	}

	/**
	 * What must be fixed before the event can be saved, each message naming the field and the fix;
	 * empty when it can be saved.
	 *
	 * @param location the event's location record, or null when none is chosen
	 */
	public static List<String> problems(Event event, Form form, OrgUnitTree orgUnits, Location location) {
		List<String> problems = new ArrayList<>();
		if (form == null) {
			problems.add("Choose the form this event follows.");
		}
		if (event.getOrgUnitId() == null) {
			problems.add("Choose the org unit the event belongs to.");
		} else if (location != null && orgUnits.subtree(event.getOrgUnitId()).stream().noneMatch(location::belongsTo)) {
			problems.add("The location " + location.getName() + " is not part of " + orgUnits.path(event.getOrgUnitId())
					+ ": choose one of its locations or another org unit.");
		}
		if (event.getDueDate() == null && event.getStatus() != EventStatus.TENTATIVE) {
			problems.add("Set a due date: a " + event.getStatus().label() + " event needs one.");
		}
		if (event.getStatus().isDone() && form != null) {
			problems.addAll(unanswered(event, form));
		}
		return problems;
	}

	/**
	 * Why the event cannot move to {@code target} now, or an empty list. Verified also asks every
	 * guard (open Actions block it).
	 */
	public static List<String> problemsMovingTo(EntityManager em, Event event, EventStatus target, Form form,
			Collection<EventVerificationGuard> guards) {
		List<String> problems = new ArrayList<>();
		if (!event.getStatus().canMoveTo(target)) {
			problems.add("An event moves from " + event.getStatus().label() + " to "
					+ (event.getStatus().next() == null ? "nothing further" : event.getStatus().next().label())
					+ (event.getStatus() == EventStatus.COMPLETED ? " (or back to In progress)" : "") + ", not to " + target.label() + ".");
			return problems;
		}
		if (target.isDone() && form != null) {
			problems.addAll(unanswered(event, form));
		}
		if (target == EventStatus.SCHEDULED && event.getDueDate() == null) {
			problems.add("Set a due date before scheduling the event.");
		}
		if (target == EventStatus.VERIFIED) {
			for (EventVerificationGuard guard : guards) {
				guard.objection(em, event).ifPresent(problems::add);
			}
		}
		return problems;
	}

	private static List<String> unanswered(Event event, Form form) {
		List<String> problems = new ArrayList<>();
		Map<String, String> answers = event.getAnswers();
		List<Question> questions = form.getQuestions();
		for (int i = 0; i < questions.size(); i++) {
			if (!answers.containsKey(questions.get(i).id())) {
				problems.add("Answer question " + (i + 1) + " (\u201c" + questions.get(i).text() + "\u201d) before completing the event.");
			}
		}
		return problems;
	}
}
