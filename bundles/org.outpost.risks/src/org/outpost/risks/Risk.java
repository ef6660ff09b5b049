package org.outpost.risks;

import java.util.Map;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An entry of the Risk register: what could go wrong at an org unit, rated likelihood x
 * consequence before (inherent) and after (residual) its controls, with an owner.
 */
@Entity(name = "Risk")
@Table(name = "OUTPOST_RISK")
public class Risk extends SyncedRecord implements Syncable {

	/** The module's key in role permissions. */
	public static final String MODULE = "risks";
	public static final String MODULE_LABEL = "Risks";

	@Column(name = "TITLE", nullable = false, length = 300)
	private String title;

	@Column(name = "ORG_UNIT_ID", length = 36)
	private String orgUnitId;

	@Column(name = "LIKELIHOOD", nullable = false)
	private int likelihood = 1;

	@Column(name = "CONSEQUENCE", nullable = false)
	private int consequence = 1;

	@Column(name = "RESIDUAL_LIKELIHOOD", nullable = false)
	private int residualLikelihood = 1;

	@Column(name = "RESIDUAL_CONSEQUENCE", nullable = false)
	private int residualConsequence = 1;

	@Column(name = "OWNER_USER_ID", length = 36)
	private String ownerUserId;

	/** The controls in place, as the owner describes them. */
	@Column(name = "CONTROLS", nullable = false, length = 4000)
	private String controls = "";

	/** For JPA. */
	protected Risk() {
	}

	public Risk(String title) {
		setTitle(title);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A risk needs a title");
		}
		this.title = title.strip();
	}

	public String getOrgUnitId() {
		return orgUnitId;
	}

	public void setOrgUnitId(String orgUnitId) {
		this.orgUnitId = orgUnitId;
	}

	public int getLikelihood() {
		return likelihood;
	}

	public int getConsequence() {
		return consequence;
	}

	public void rateInherent(int newLikelihood, int newConsequence) {
		this.likelihood = scale("Likelihood", newLikelihood);
		this.consequence = scale("Consequence", newConsequence);
	}

	public int getResidualLikelihood() {
		return residualLikelihood;
	}

	public int getResidualConsequence() {
		return residualConsequence;
	}

	public void rateResidual(int newLikelihood, int newConsequence) {
		this.residualLikelihood = scale("Residual likelihood", newLikelihood);
		this.residualConsequence = scale("Residual consequence", newConsequence);
	}

	/** Likelihood x consequence before controls, 1..25. */
	public int inherentRating() {
		return likelihood * consequence;
	}

	/** Likelihood x consequence with the controls working, 1..25. */
	public int residualRating() {
		return residualLikelihood * residualConsequence;
	}

	public String getOwnerUserId() {
		return ownerUserId;
	}

	public void setOwnerUserId(String ownerUserId) {
		this.ownerUserId = ownerUserId;
	}

	public String getControls() {
		return controls;
	}

	public void setControls(String controls) {
		this.controls = controls == null ? "" : controls.strip();
	}

	private static int scale(String what, int value) {
		if (value < 1 || value > 5) {
			throw new IllegalArgumentException(what + " is rated 1 (lowest) to 5 (highest), not " + value);
		}
		return value;
	}

	@Override
	public String wireType() {
		return "risk";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("title", title).put("orgUnitId", orgUnitId).put("likelihood", likelihood).put("consequence", consequence)
				.put("residualLikelihood", residualLikelihood).put("residualConsequence", residualConsequence).put("ownerUserId", ownerUserId)
				.put("controls", controls).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		title = FieldReader.text(fields, "title", title);
		orgUnitId = FieldReader.text(fields, "orgUnitId", orgUnitId);
		likelihood = FieldReader.integer(fields, "likelihood", likelihood);
		consequence = FieldReader.integer(fields, "consequence", consequence);
		residualLikelihood = FieldReader.integer(fields, "residualLikelihood", residualLikelihood);
		residualConsequence = FieldReader.integer(fields, "residualConsequence", residualConsequence);
		ownerUserId = FieldReader.text(fields, "ownerUserId", ownerUserId);
		controls = FieldReader.text(fields, "controls", controls);
	}
}
