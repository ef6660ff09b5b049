package org.outpost.events;

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
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** An inspection, audit or scheduled compliance task, due on a date. */
@Entity(name = "Event")
@Table(name = "OUTPOST_EVENT", indexes = @Index(name = "OUTPOST_EVENT_DUE", columnList = "DUE_DATE"))
public class Event extends SyncedRecord implements Syncable {

	@Column(name = "TITLE", nullable = false, length = 200)
	private String title;

	@Column(name = "DUE_DATE")
	private LocalDate dueDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "STATUS", nullable = false, length = 20)
	private EventStatus status = EventStatus.TENTATIVE;

	/** For JPA. */
	protected Event() {
	}

	public Event(String title, LocalDate dueDate) {
		setTitle(title);
		this.dueDate = dueDate;
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

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public EventStatus getStatus() {
		return status;
	}

	public void setStatus(EventStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	@Override
	public String wireType() {
		return "event";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("title", title).put("dueDate", dueDate).put("status", status).build();
	}
}
