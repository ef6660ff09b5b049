package org.outpost.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who uses this device: one row, set by sign-in (the initial sync) and never synced. Whose
 * permissions the editors honour.
 */
@Entity(name = "SignedInUser")
@Table(name = "OUTPOST_SIGNED_IN_USER")
public class SignedInUser {

	static final String DEVICE = "device";

	@Id
	@Column(name = "ID", length = 10)
	private String id = DEVICE;

	@Column(name = "USER_ID", nullable = false, length = 36)
	private String userId;

	/** For JPA. */
	protected SignedInUser() {
	}

	SignedInUser(String userId) {
		this.userId = userId;
	}

	public String getUserId() {
		return userId;
	}

	void setUserId(String userId) {
		this.userId = userId;
	}
}
