package org.outpost.admin;

import java.util.Map;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A unit of the organisation (company, region, site); units form a tree through their parent. */
@Entity(name = "OrgUnit")
@Table(name = "OUTPOST_ORG_UNIT")
public class OrgUnit extends SyncedRecord implements Syncable {

	@Column(name = "NAME", nullable = false, length = 200)
	private String name;

	/** The parent unit's id, or null for a root. */
	@Column(name = "PARENT_ID", length = 36)
	private String parentId;

	/** For JPA. */
	protected OrgUnit() {
	}

	public OrgUnit(String name, String parentId) {
		setName(name);
		this.parentId = parentId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An org unit needs a name");
		}
		this.name = name.strip();
	}

	public String getParentId() {
		return parentId;
	}

	public void setParentId(String parentId) {
		if (getId().equals(parentId)) {
			throw new IllegalArgumentException("An org unit cannot be its own parent");
		}
		this.parentId = parentId;
	}

	@Override
	public String wireType() {
		return "orgunit";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("name", name).put("parentId", parentId).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		name = FieldReader.text(fields, "name", name);
		parentId = FieldReader.text(fields, "parentId", parentId);
	}
}
