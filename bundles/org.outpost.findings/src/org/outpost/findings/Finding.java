package org.outpost.findings;

import java.util.Map;

import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Something an officer found, raised during an Event or on its own. */
@Entity(name = "Finding")
@Table(name = "OUTPOST_FINDING")
public class Finding extends SyncedRecord implements Syncable {

	@Column(name = "DESCRIPTION", nullable = false, length = 4000)
	private String description;

	/** The Event this finding was raised in, or null for a standalone finding. */
	@Column(name = "EVENT_ID", length = 36)
	private String eventId;

	@Column(name = "NON_CONFORMANCE", nullable = false)
	private boolean nonConformance;

	/** For JPA. */
	protected Finding() {
	}

	public Finding(String description) {
		setDescription(description);
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("A finding needs a description");
		}
		this.description = description.strip();
	}

	public String getEventId() {
		return eventId;
	}

	public void setEventId(String eventId) {
		this.eventId = eventId;
	}

	public boolean isNonConformance() {
		return nonConformance;
	}

	public void setNonConformance(boolean nonConformance) {
		this.nonConformance = nonConformance;
	}

	@Override
	public String wireType() {
		return "finding";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("description", description).put("eventId", eventId).put("nonConformance", nonConformance).build();
	}
}
