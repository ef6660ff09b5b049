package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A device token, stored as its SHA-256 only: a copy of this table lets nobody in. */
@Entity
@Table(name = "OP_TOKEN")
public class DeviceToken {

	@Id
	@Column(name = "TOKEN_HASH", length = 64)
	private String tokenHash;

	@Column(name = "USER_NAME", length = 64, nullable = false)
	private String userName;

	@Column(name = "DEVICE_ID", length = 64, nullable = false)
	private String deviceId;

	@Column(name = "ISSUED_AT", nullable = false)
	private long issuedAt;

	@Column(name = "EXPIRES_AT", nullable = false)
	private long expiresAt;

	@Column(name = "REVOKED", nullable = false)
	private boolean revoked;

	protected DeviceToken() {
	}

	public DeviceToken(String tokenHash, String userName, String deviceId, long issuedAt, long expiresAt) {
		this.tokenHash = tokenHash;
		this.userName = userName;
		this.deviceId = deviceId;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
	}

	public String getUserName() {
		return userName;
	}

	public String getDeviceId() {
		return deviceId;
	}

	public long getExpiresAt() {
		return expiresAt;
	}

	public boolean isRevoked() {
		return revoked;
	}

	public void revoke() {
		this.revoked = true;
	}
}
