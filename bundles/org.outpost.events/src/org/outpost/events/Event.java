package org.outpost.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;
import org.outpost.events.internal.EventJson;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * An inspection, audit or scheduled compliance task: an instance of a Form, due on a date at an
 * org unit and location, answered by its performers and scored as a percentage of the form's best.
 */
@Entity(name = "Event")
@Table(name = "OUTPOST_EVENT", indexes = { @Index(name = "OUTPOST_EVENT_DUE", columnList = "DUE_DATE,ID"),
		@Index(name = "OUTPOST_EVENT_TITLE", columnList = "TITLE,ID"), @Index(name = "OUTPOST_EVENT_STATUS", columnList = "STATUS,ID"),
		@Index(name = "OUTPOST_EVENT_ORG_UNIT", columnList = "ORG_UNIT_ID"), @Index(name = "OUTPOST_EVENT_LOCATION", columnList = "LOCATION_ID") })
public class Event extends SyncedRecord implements Syncable {

	@Column(name = "FORM_ID", length = 36)
	private String formId;

	@Column(name = "TITLE", nullable = false, length = 200)
	private String title;

	@Column(name = "ORG_UNIT_ID", length = 36)
	private String orgUnitId;

	@Column(name = "LOCATION_ID", length = 36)
	private String locationId;

	@Column(name = "DUE_DATE")
	private LocalDate dueDate;

	/** Days past the due date before the event counts as overdue. */
	@Column(name = "LEEWAY_DAYS", nullable = false)
	private int leewayDays;

	@Enumerated(EnumType.STRING)
	@Column(name = "RECURRENCE", nullable = false, length = 20)
	private Recurrence recurrence = Recurrence.NONE;

	/** User ids, comma separated: a register page must not cost a query per row. */
	@Column(name = "PERFORMER_IDS", nullable = false, length = 2000)
	private String performerIds = "";

	@Enumerated(EnumType.STRING)
	@Column(name = "STATUS", nullable = false, length = 20)
	private EventStatus status = EventStatus.TENTATIVE;

	/** Question id -> chosen answer label, as JSON. */
	@Column(name = "ANSWERS", nullable = false, length = 32000)
	private String answers = "{}";

	/** The answers as last read from {@link #answers}: every sync of the event reads them several times. */
	@Transient
	private ReadAnswers readAnswers;

	/** Score as a percentage of the form's maximum, or null while nothing is answered. */
	@Column(name = "SCORE_PERCENT")
	private Double scorePercent;

	/** For JPA. */
	protected Event() {
	}

	public Event(String title, LocalDate dueDate) {
		setTitle(title);
		this.dueDate = dueDate;
	}

	/** A new event from a form; it starts Tentative with no answers. */
	public static Event of(Form form, String title, LocalDate dueDate) {
		Event event = new Event(title, dueDate);
		event.formId = form.getId();
		return event;
	}

	public String getFormId() {
		return formId;
	}

	public void setFormId(String formId) {
		if (!Objects.equals(this.formId, formId)) {
			this.formId = formId;
			// answers belong to the old form's questions
			this.answers = "{}";
			this.scorePercent = null;
		}
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("An event needs a title");
		}
		this.title = title.strip();
	}

	public String getOrgUnitId() {
		return orgUnitId;
	}

	public void setOrgUnitId(String orgUnitId) {
		this.orgUnitId = orgUnitId;
	}

	public String getLocationId() {
		return locationId;
	}

	public void setLocationId(String locationId) {
		this.locationId = locationId;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public int getLeewayDays() {
		return leewayDays;
	}

	public void setLeewayDays(int leewayDays) {
		if (leewayDays < 0) {
			throw new IllegalArgumentException("Leeway is 0 days or more, not " + leewayDays);
		}
		this.leewayDays = leewayDays;
	}

	public Recurrence getRecurrence() {
		return recurrence;
	}

	public void setRecurrence(Recurrence recurrence) {
		this.recurrence = Objects.requireNonNull(recurrence, "recurrence");
	}

	public List<String> getPerformerIds() {
		return performerIds.isEmpty() ? List.of() : List.of(performerIds.split(","));
	}

	public void setPerformerIds(Collection<String> ids) {
		this.performerIds = ids.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().sorted().collect(Collectors.joining(","));
	}

	public EventStatus getStatus() {
		return status;
	}

	/** Sets the status as stored; the rules for changing it are in {@link EventRules#moveTo}. */
	public void setStatus(EventStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	/** Question id -> chosen answer label. */
	public Map<String, String> getAnswers() {
		// one reference, read once: an instance in the shared cache may be read by two threads
		ReadAnswers read = readAnswers;
		if (read == null || read.json() != answers) {
			read = new ReadAnswers(answers, Collections.unmodifiableMap(EventJson.answers(answers)));
			readAnswers = read;
		}
		return new LinkedHashMap<>(read.answers());
	}

	/**
	 * Records an answer (null clears it) and scores the event again.
	 *
	 * @throws IllegalArgumentException when the form has no such question or answer
	 */
	public void answer(Form form, String questionId, String label) {
		if (!form.getId().equals(formId)) {
			throw new IllegalArgumentException("This event is not an instance of the form " + form.getName());
		}
		Question question = form.question(questionId)
				.orElseThrow(() -> new IllegalArgumentException("The form " + form.getName() + " has no question " + questionId));
		Map<String, String> current = getAnswers();
		if (label == null) {
			current.remove(questionId);
		} else {
			question.option(label).orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not an answer to '" + question.text() + "'"));
			current.put(questionId, label);
		}
		answers = EventJson.answers(current);
		scorePercent = EventRules.score(form, current);
	}

	/**
	 * The occurrence that follows this one under its recurrence, or null when it does not repeat:
	 * same form, title, place, leeway, recurrence and performers, Scheduled for the next due date,
	 * unanswered. Its id is derived from this event's id, so completing twice (or on two devices)
	 * names the same record instead of making a second one.
	 *
	 * @param today the due date the rule counts from when this event has none
	 */
	public Event nextOccurrence(LocalDate today) {
		LocalDate nextDue = recurrence.next(dueDate == null ? today : dueDate);
		if (nextDue == null) {
			return null;
		}
		Event next = new Event(title, nextDue);
		next.setId(nextOccurrenceId(getId()));
		next.formId = formId;
		next.orgUnitId = orgUnitId;
		next.locationId = locationId;
		next.leewayDays = leewayDays;
		next.recurrence = recurrence;
		next.performerIds = performerIds;
		next.status = EventStatus.SCHEDULED;
		return next;
	}

	/** The id of the occurrence that follows the event {@code eventId}. */
	public static String nextOccurrenceId(String eventId) {
		return UUID.nameUUIDFromBytes(("outpost-next-occurrence:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	public Double getScorePercent() {
		return scorePercent;
	}

	/** Past its due date plus leeway and not done yet. */
	public boolean isOverdue(LocalDate today) {
		return dueDate != null && !status.isDone() && today.isAfter(dueDate.plusDays(leewayDays));
	}

	@Override
	public String wireType() {
		return "event";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("formId", formId).put("title", title).put("orgUnitId", orgUnitId).put("locationId", locationId)
				.put("dueDate", dueDate).put("leewayDays", leewayDays).put("recurrence", recurrence)
				.put("performerIds", getPerformerIds()).put("status", status)
				.put("answers", getAnswers()).put("scorePercent", scorePercent).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		formId = FieldReader.text(fields, "formId", formId);
		title = FieldReader.text(fields, "title", title);
		orgUnitId = FieldReader.text(fields, "orgUnitId", orgUnitId);
		locationId = FieldReader.text(fields, "locationId", locationId);
		dueDate = FieldReader.date(fields, "dueDate", dueDate);
		leewayDays = FieldReader.integer(fields, "leewayDays", leewayDays);
		recurrence = FieldReader.enumOf(fields, "recurrence", Recurrence.class, recurrence);
		performerIds = String.join(",", FieldReader.texts(fields, "performerIds", getPerformerIds()));
		status = FieldReader.enumOf(fields, "status", EventStatus.class, status);
		if (fields.containsKey("answers")) {
			answers = EventJson.answers(FieldReader.textMap(fields, "answers", Map.of()));
		}
		scorePercent = FieldReader.decimal(fields, "scorePercent", scorePercent);
	}

	/** The JSON of the answers and what it says. */
	private record ReadAnswers(String json, Map<String, String> answers) {
	}
}
