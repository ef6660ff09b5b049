package org.outpost.findings;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * Work that fixes a Finding, an Event or an Obligation (or stands alone): who is responsible,
 * when it is due, how far it is.
 */
@Entity(name = "Action")
@Table(name = "OUTPOST_ACTION", indexes = { @Index(name = "OUTPOST_ACTION_FINDING", columnList = "FINDING_ID"),
		@Index(name = "OUTPOST_ACTION_EVENT", columnList = "EVENT_ID") })
public class Action extends SyncedRecord implements Syncable {

	@Column(name = "DESCRIPTION", nullable = false, length = 4000)
	private String description;

	/** The Finding this action fixes, or null. */
	@Column(name = "FINDING_ID", length = 36)
	private String findingId;

	/** The Event this action fixes directly, or null. */
	@Column(name = "EVENT_ID", length = 36)
	private String eventId;

	/** The Obligation this action fixes, or null. */
	@Column(name = "OBLIGATION_ID", length = 36)
	private String obligationId;

	@Column(name = "RESPONSIBLE_USER_ID", length = 36)
	private String responsibleUserId;

	@Column(name = "DUE_DATE")
	private LocalDate dueDate;

	@Column(name = "PROGRESS", nullable = false)
	private int progress;

	@Enumerated(EnumType.STRING)
	@Column(name = "STATUS", nullable = false, length = 20)
	private ActionStatus status = ActionStatus.PENDING;

	/** For JPA. */
	protected Action() {
	}

	public Action(String description, LocalDate dueDate) {
		setDescription(description);
		this.dueDate = dueDate;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("An action needs a description");
		}
		this.description = description.strip();
	}

	public String getFindingId() {
		return findingId;
	}

	public String getEventId() {
		return eventId;
	}

	public String getObligationId() {
		return obligationId;
	}

	/** Links the action to a Finding (null: standalone); an action fixes one thing. */
	public void fixFinding(String id) {
		link(id, null, null);
	}

	public void fixEvent(String id) {
		link(null, id, null);
	}

	public void fixObligation(String id) {
		link(null, null, id);
	}

	private void link(String finding, String event, String obligation) {
		this.findingId = finding;
		this.eventId = event;
		this.obligationId = obligation;
	}

	public String getResponsibleUserId() {
		return responsibleUserId;
	}

	public void setResponsibleUserId(String responsibleUserId) {
		this.responsibleUserId = responsibleUserId;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public int getProgress() {
		return progress;
	}

	public void setProgress(int progress) {
		if (progress < 0 || progress > 100) {
			throw new IllegalArgumentException("Progress is a percentage from 0 to 100, not " + progress);
		}
		this.progress = progress;
	}

	public ActionStatus getStatus() {
		return status;
	}

	/** Sets the status as stored; the rules for changing it are in {@link FindingRules#moveTo}. */
	public void setStatus(ActionStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	@Override
	public String wireType() {
		return "action";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("description", description).put("findingId", findingId).put("eventId", eventId)
				.put("obligationId", obligationId).put("responsibleUserId", responsibleUserId).put("dueDate", dueDate).put("progress", progress)
				.put("status", status).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		description = FieldReader.text(fields, "description", description);
		findingId = FieldReader.text(fields, "findingId", findingId);
		eventId = FieldReader.text(fields, "eventId", eventId);
		obligationId = FieldReader.text(fields, "obligationId", obligationId);
		responsibleUserId = FieldReader.text(fields, "responsibleUserId", responsibleUserId);
		dueDate = FieldReader.date(fields, "dueDate", dueDate);
		progress = FieldReader.integer(fields, "progress", progress);
		status = FieldReader.enumOf(fields, "status", ActionStatus.class, status);
	}
}
