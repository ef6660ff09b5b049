package org.outpost.obligations;

import java.util.List;
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

	/** Likelihood x consequence of not complying, 1..25. */
	@Column(name = "RISK_SCORE", nullable = false)
	private int riskScore = 1;

	/** Where the obligation comes from: acts, regulations, permits, standards; one per line. */
	@Column(name = "SOURCES", nullable = false, length = 4000)
	private String sources = "";

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

	public int getRiskScore() {
		return riskScore;
	}

	public void setRiskScore(int riskScore) {
		if (riskScore < 1 || riskScore > 25) {
			throw new IllegalArgumentException("A risk score is 1 to 25 (likelihood x consequence), not " + riskScore);
		}
		this.riskScore = riskScore;
	}

	/** The sources, one per entry. */
	public List<String> getSources() {
		return sources.isEmpty() ? List.of() : List.of(sources.split("\n"));
	}

	public void setSources(List<String> list) {
		this.sources = String.join("\n", list.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
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
		return FieldValues.builder().put("topic", topic).put("obligationType", type).put("authority", authority).put("riskScore", riskScore)
				.put("sources", getSources()).put("status", status).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		topic = FieldReader.text(fields, "topic", topic);
		type = FieldReader.text(fields, "obligationType", type);
		authority = FieldReader.text(fields, "authority", authority);
		riskScore = FieldReader.integer(fields, "riskScore", riskScore);
		sources = String.join("\n", FieldReader.texts(fields, "sources", getSources()));
		status = FieldReader.enumOf(fields, "status", ObligationStatus.class, status);
	}
}
