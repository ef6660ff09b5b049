package org.outpost.sync.engine;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whose data the local database holds: the server (its id from hello, and its address) and the
 * user it was synced for. One row; a login to another server or as another user must first reset
 * what it holds ({@link AccountSwitch}).
 */
@Entity(name = "HeldAccount")
@Table(name = "OUTPOST_SYNC_HELD_ACCOUNT")
public class HeldAccount {

	static final String THIS_DEVICE = "device";

	@Id
	@Column(name = "NAME", length = 16)
	private String name;

	/** The server's id from hello; null for a server that does not say. */
	@Column(name = "SERVER_ID", length = 64)
	private String serverId;

	@Column(name = "SERVER_ADDRESS", length = 2000, nullable = false)
	private String serverAddress;

	@Column(name = "USER_NAME", length = 200, nullable = false)
	private String userName;

	/** For JPA. */
	protected HeldAccount() {
	}

	HeldAccount(String serverId, String serverAddress, String userName) {
		this.name = THIS_DEVICE;
		this.serverId = serverId;
		this.serverAddress = Objects.requireNonNull(serverAddress, "serverAddress");
		this.userName = Objects.requireNonNull(userName, "userName");
	}

	public String getServerId() {
		return serverId;
	}

	public String getServerAddress() {
		return serverAddress;
	}

	/** The same server (by id when both have one, else by address) and the same user. */
	boolean sameAs(HeldAccount other) {
		boolean sameServer = serverId != null && other.serverId != null ? serverId.equals(other.serverId)
				: serverAddress.equals(other.serverAddress);
		return sameServer && userName.equals(other.userName);
	}

	void adoptServerId(String id) {
		this.serverId = id;
	}

	/** For messages: "officer on http://host:8470". */
	String describe() {
		return userName + " on " + serverAddress;
	}
}
