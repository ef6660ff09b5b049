package org.outpost.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A place work happens at (an "Entity" in the product we model); it belongs to one or more org units. */
@Entity(name = "Location")
@Table(name = "OUTPOST_LOCATION")
public class Location extends SyncedRecord implements Syncable {

	@Column(name = "NAME", nullable = false, length = 200)
	private String name;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "OUTPOST_LOCATION_ORG_UNIT", joinColumns = @JoinColumn(name = "LOCATION_ID"))
	@Column(name = "ORG_UNIT_ID", length = 36)
	private List<String> orgUnitIds = new ArrayList<>();

	/** For JPA. */
	protected Location() {
	}

	public Location(String name, Collection<String> orgUnitIds) {
		setName(name);
		setOrgUnitIds(orgUnitIds);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A location needs a name");
		}
		this.name = name.strip();
	}

	/** The org units this location belongs to, sorted by id. */
	public List<String> getOrgUnitIds() {
		return List.copyOf(orgUnitIds);
	}

	public void setOrgUnitIds(Collection<String> ids) {
		if (ids == null || ids.isEmpty()) {
			throw new IllegalArgumentException("A location belongs to at least one org unit");
		}
		orgUnitIds.clear();
		orgUnitIds.addAll(new TreeSet<>(ids));
	}

	public boolean belongsTo(String orgUnitId) {
		return orgUnitIds.contains(orgUnitId);
	}

	@Override
	public String wireType() {
		return "location";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("name", name).put("orgUnitIds", new TreeSet<>(orgUnitIds)).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		name = FieldReader.text(fields, "name", name);
		List<String> units = FieldReader.texts(fields, "orgUnitIds", getOrgUnitIds());
		orgUnitIds.clear();
		orgUnitIds.addAll(units);
	}
}
