package org.outpost.findings;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** Work that fixes a Finding (or stands alone), due on a date. */
@Entity(name = "Action")
@Table(name = "OUTPOST_ACTION")
public class Action extends SyncedRecord implements Syncable {

	@Column(name = "DESCRIPTION", nullable = false, length = 4000)
	private String description;

	/** The Finding this action fixes, or null. */
	@Column(name = "FINDING_ID", length = 36)
	private String findingId;

	@Column(name = "DUE_DATE")
	private LocalDate dueDate;

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

	public void setFindingId(String findingId) {
		this.findingId = findingId;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public ActionStatus getStatus() {
		return status;
	}

	public void setStatus(ActionStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	@Override
	public String wireType() {
		return "action";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("description", description).put("findingId", findingId).put("dueDate", dueDate).put("status", status).build();
	}
}
