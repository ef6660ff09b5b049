package org.outpost.findings;

import java.util.Map;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * Something an officer found, raised during an Event or on its own, rated on the risk matrix
 * before (inherent) and after (residual) its actions. A non-conformance needs at least one Action.
 */
@Entity(name = "Finding")
@Table(name = "OUTPOST_FINDING", indexes = @Index(name = "OUTPOST_FINDING_EVENT", columnList = "EVENT_ID"))
public class Finding extends SyncedRecord implements Syncable {

	@Column(name = "DESCRIPTION", nullable = false, length = 4000)
	private String description;

	/** The Event this finding was raised in, or null for a standalone finding. */
	@Column(name = "EVENT_ID", length = 36)
	private String eventId;

	@Column(name = "NON_CONFORMANCE", nullable = false)
	private boolean nonConformance;

	@Column(name = "LIKELIHOOD", nullable = false)
	private int likelihood = 1;

	@Column(name = "CONSEQUENCE", nullable = false)
	private int consequence = 1;

	@Column(name = "RESIDUAL_LIKELIHOOD", nullable = false)
	private int residualLikelihood = 1;

	@Column(name = "RESIDUAL_CONSEQUENCE", nullable = false)
	private int residualConsequence = 1;

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

	/** The risk before any action. */
	public RiskRating getRisk() {
		return new RiskRating(likelihood, consequence);
	}

	public void setRisk(RiskRating risk) {
		this.likelihood = risk.likelihood();
		this.consequence = risk.consequence();
	}

	/** The risk left once the actions are done. */
	public RiskRating getResidualRisk() {
		return new RiskRating(residualLikelihood, residualConsequence);
	}

	public void setResidualRisk(RiskRating risk) {
		this.residualLikelihood = risk.likelihood();
		this.residualConsequence = risk.consequence();
	}

	@Override
	public String wireType() {
		return "finding";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("description", description).put("eventId", eventId).put("nonConformance", nonConformance)
				.put("likelihood", likelihood).put("consequence", consequence).put("residualLikelihood", residualLikelihood)
				.put("residualConsequence", residualConsequence).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		description = FieldReader.text(fields, "description", description);
		eventId = FieldReader.text(fields, "eventId", eventId);
		nonConformance = FieldReader.bool(fields, "nonConformance", nonConformance);
		likelihood = FieldReader.integer(fields, "likelihood", likelihood);
		consequence = FieldReader.integer(fields, "consequence", consequence);
		residualLikelihood = FieldReader.integer(fields, "residualLikelihood", residualLikelihood);
		residualConsequence = FieldReader.integer(fields, "residualConsequence", residualConsequence);
	}
}
