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

/** A person who signs in to Outpost; what they may do comes from their roles. */
@Entity(name = "User")
@Table(name = "OUTPOST_USER")
public class User extends SyncedRecord implements Syncable {

	@Column(name = "USER_NAME", nullable = false, unique = true, length = 100)
	private String userName;

	@Column(name = "DISPLAY_NAME", nullable = false, length = 200)
	private String displayName;

	@Column(name = "ACTIVE", nullable = false)
	private boolean active = true;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "OUTPOST_USER_ROLE", joinColumns = @JoinColumn(name = "USER_ID"))
	@Column(name = "ROLE_ID", length = 36)
	private List<String> roleIds = new ArrayList<>();

	/** For JPA. */
	protected User() {
	}

	public User(String userName, String displayName) {
		if (userName == null || !userName.strip().matches("[^\\s]+")) {
			throw new IllegalArgumentException("A user name is one word without spaces: '" + userName + "'");
		}
		this.userName = userName.strip();
		setDisplayName(displayName);
	}

	public String getUserName() {
		return userName;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw new IllegalArgumentException("A user needs a display name");
		}
		this.displayName = displayName.strip();
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public List<String> getRoleIds() {
		return List.copyOf(roleIds);
	}

	public void setRoleIds(Collection<String> ids) {
		roleIds.clear();
		roleIds.addAll(new TreeSet<>(ids));
	}

	@Override
	public String wireType() {
		return "user";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("userName", userName).put("displayName", displayName).put("active", active)
				.put("roleIds", new TreeSet<>(roleIds)).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		userName = FieldReader.text(fields, "userName", userName);
		displayName = FieldReader.text(fields, "displayName", displayName);
		active = FieldReader.bool(fields, "active", active);
		List<String> roles = FieldReader.texts(fields, "roleIds", getRoleIds());
		roleIds.clear();
		roleIds.addAll(roles);
	}
}
