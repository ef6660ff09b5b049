package org.outpost.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** A named set of permissions per module (e.g. "Inspector": view, create and edit Events). */
@Entity(name = "Role")
@Table(name = "OUTPOST_ROLE")
public class Role extends SyncedRecord implements Syncable {

	@Column(name = "NAME", nullable = false, length = 100)
	private String name;

	/** Permission keys such as {@code events.edit} (see {@link Permission#keyIn}). */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "OUTPOST_ROLE_PERMISSION", joinColumns = @JoinColumn(name = "ROLE_ID"))
	@Column(name = "PERMISSION", length = 80)
	private Set<String> permissions = new HashSet<>();

	/** For JPA. */
	protected Role() {
	}

	public Role(String name) {
		setName(name);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A role needs a name");
		}
		this.name = name.strip();
	}

	public Role grant(String module, Permission permission) {
		permissions.add(permission.keyIn(module));
		return this;
	}

	/** Grants every permission in {@code module}. */
	public Role grantAll(String module) {
		for (Permission permission : Permission.values()) {
			grant(module, permission);
		}
		return this;
	}

	public Role revoke(String module, Permission permission) {
		permissions.remove(permission.keyIn(module));
		return this;
	}

	/** Granted by its key ({@code events.edit}), by the module's wildcard ({@code events.*}) or by {@code *}, as on the server. */
	public boolean allows(String module, Permission permission) {
		return permissions.contains(permission.keyIn(module)) || permissions.contains(module + ".*") || permissions.contains("*");
	}

	/** The granted permission keys, sorted. */
	public List<String> getPermissions() {
		return List.copyOf(new TreeSet<>(permissions));
	}

	@Override
	public String wireType() {
		return "role";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("name", name).put("permissions", getPermissions()).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		name = FieldReader.text(fields, "name", name);
		List<String> granted = FieldReader.texts(fields, "permissions", getPermissions());
		permissions.clear();
		permissions.addAll(granted);
	}
}
