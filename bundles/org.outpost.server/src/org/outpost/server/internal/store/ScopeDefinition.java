package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A scope a device was given a cursor under: its fingerprint with the user's name (fingerprints
 * from before the name was part of them did not cover it) and all that decides it, as JSON. When a device's scope changes, the
 * change feed reads the old one here to send only what entered and left the scope.
 */
@Entity
@Table(name = "OP_SCOPE", indexes = @Index(name = "OP_SCOPE_CREATED", columnList = "CREATED_AT"))
public class ScopeDefinition {

	@Id
	@Column(name = "SCOPE_KEY", length = 100)
	private String key;

	@Column(name = "DEFINITION", length = 1_000_000, nullable = false)
	private String definition;

	@Column(name = "CREATED_AT", nullable = false)
	private long createdAt;

	protected ScopeDefinition() {
	}

	public ScopeDefinition(String key, String definition, long createdAt) {
		this.key = key;
		this.definition = definition;
		this.createdAt = createdAt;
	}

	public String getDefinition() {
		return definition;
	}
}
