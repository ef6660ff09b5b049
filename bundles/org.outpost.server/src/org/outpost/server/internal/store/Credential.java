package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's password as a salted PBKDF2 hash; never synced (the user's profile is a "user" record). */
@Entity
@Table(name = "OP_CREDENTIAL")
public class Credential {

	@Id
	@Column(name = "USER_NAME", length = 64)
	private String userName;

	@Column(name = "SALT", length = 64, nullable = false)
	private String salt;

	@Column(name = "HASH", length = 128, nullable = false)
	private String hash;

	@Column(name = "ITERATIONS", nullable = false)
	private int iterations;

	protected Credential() {
	}

	public Credential(String userName) {
		this.userName = userName;
	}

	public String getUserName() {
		return userName;
	}

	public String getSalt() {
		return salt;
	}

	public String getHash() {
		return hash;
	}

	public int getIterations() {
		return iterations;
	}

	public void set(String salt, String hash, int iterations) {
		this.salt = salt;
		this.hash = hash;
		this.iterations = iterations;
	}
}
