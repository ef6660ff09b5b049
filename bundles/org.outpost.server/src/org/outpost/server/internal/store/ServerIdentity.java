package org.outpost.server.internal.store;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The server's id, one row made with the database: every instance serving that database answers
 * the same id, a restart keeps it, and another server's database has another. Devices remember it
 * to know which server their local data came from (docs/protocol.md, hello).
 */
@Entity
@Table(name = "OP_SERVER_IDENTITY")
public class ServerIdentity {

	static final String THIS_SERVER = "server";

	@Id
	@Column(name = "NAME", length = 32)
	private String name;

	@Column(name = "SERVER_ID", length = 36, nullable = false)
	private String serverId;

	protected ServerIdentity() {
	}

	static ServerIdentity newOne() {
		ServerIdentity identity = new ServerIdentity();
		identity.name = THIS_SERVER;
		identity.serverId = UUID.randomUUID().toString();
		return identity;
	}

	public String getServerId() {
		return serverId;
	}
}
