package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A device that logged in: who uses it, its application version, its last sync and how much it still had queued. */
@Entity
@Table(name = "OP_DEVICE")
public class Device {

	/** How close a last sync counts as the same sync (a push and the pull after it). */
	public static final long RECENT_MILLIS = 10_000;

	@Id
	@Column(name = "DEVICE_ID", length = 64)
	private String deviceId;

	@Column(name = "USER_NAME", length = 64, nullable = false)
	private String userName;

	@Column(name = "APP_VERSION", length = 16)
	private String appVersion;

	@Column(name = "LAST_SYNC")
	private long lastSync;

	@Column(name = "PENDING_COUNT")
	private int pendingCount;

	protected Device() {
	}

	public Device(String deviceId, String userName) {
		this.deviceId = deviceId;
		this.userName = userName;
	}

	public String getDeviceId() {
		return deviceId;
	}

	public String getUserName() {
		return userName;
	}

	public void setUserName(String userName) {
		this.userName = userName;
	}

	public String getAppVersion() {
		return appVersion;
	}

	public void setAppVersion(String appVersion) {
		this.appVersion = appVersion;
	}

	public long getLastSync() {
		return lastSync;
	}

	public int getPendingCount() {
		return pendingCount;
	}

	public void synced(long at, int pending) {
		this.lastSync = at;
		this.pendingCount = pending;
	}

	public void synced(long at) {
		this.lastSync = at;
	}

	/**
	 * Whether the registry already says this device synced with this version within
	 * {@link #RECENT_MILLIS} before {@code at}: a pull that ends a delta sync need not write again what its push wrote.
	 */
	public boolean syncedRecently(long at, String version) {
		return lastSync > 0 && at - lastSync < RECENT_MILLIS && version.equals(appVersion);
	}
}
