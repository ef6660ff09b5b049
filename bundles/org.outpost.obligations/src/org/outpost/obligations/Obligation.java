package org.outpost.obligations;

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
import jakarta.persistence.Table;

/** A compliance obligation from the register the officer carries as a reference library. */
@Entity(name = "Obligation")
@Table(name = "OUTPOST_OBLIGATION")
public class Obligation extends SyncedRecord implements Syncable {

	@Column(name = "TOPIC", nullable = false, length = 300)
	private String topic;

	@Column(name = "OBLIGATION_TYPE", length = 100)
	private String type;

	@Column(name = "AUTHORITY", length = 200)
	private String authority;

	@Enumerated(EnumType.STRING)
	@Column(name = "STATUS", nullable = false, length = 30)
	private ObligationStatus status = ObligationStatus.PENDING_REVIEW;

	/** For JPA. */
	protected Obligation() {
	}

	public Obligation(String topic) {
		setTopic(topic);
	}

	public String getTopic() {
		return topic;
	}

	public void setTopic(String topic) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("An obligation needs a topic");
		}
		this.topic = topic.strip();
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getAuthority() {
		return authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public ObligationStatus getStatus() {
		return status;
	}

	public void setStatus(ObligationStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	@Override
	public String wireType() {
		return "obligation";
	}

	/** The type travels as {@code obligationType}: the server reserves {@code type} for the record type. */
	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("topic", topic).put("obligationType", type).put("authority", authority).put("status", status).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		topic = FieldReader.text(fields, "topic", topic);
		type = FieldReader.text(fields, "obligationType", type);
		authority = FieldReader.text(fields, "authority", authority);
		status = FieldReader.enumOf(fields, "status", ObligationStatus.class, status);
	}
}
