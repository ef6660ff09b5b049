package org.outpost.admin;

import java.util.Map;
import java.util.Objects;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Gives a user an org unit, and with it the unit's descendants and their locations. */
@Entity(name = "UserAssignment")
@Table(name = "OUTPOST_USER_ASSIGNMENT", indexes = @Index(name = "OUTPOST_ASSIGNMENT_USER", columnList = "USER_ID"))
public class UserAssignment extends SyncedRecord implements Syncable {

	@Column(name = "USER_ID", nullable = false, length = 36)
	private String userId;

	@Column(name = "ORG_UNIT_ID", nullable = false, length = 36)
	private String orgUnitId;

	/** For JPA. */
	protected UserAssignment() {
	}

	public UserAssignment(String userId, String orgUnitId) {
		this.userId = Objects.requireNonNull(userId, "userId");
		this.orgUnitId = Objects.requireNonNull(orgUnitId, "orgUnitId");
	}

	public String getUserId() {
		return userId;
	}

	public String getOrgUnitId() {
		return orgUnitId;
	}

	@Override
	public String wireType() {
		return "assignment";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("userId", userId).put("orgUnitId", orgUnitId).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		userId = FieldReader.text(fields, "userId", userId);
		orgUnitId = FieldReader.text(fields, "orgUnitId", orgUnitId);
	}
}
