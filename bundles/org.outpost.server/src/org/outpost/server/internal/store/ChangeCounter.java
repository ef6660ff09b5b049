package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The global change sequence, one row in the database. Writers increment it in their own
 * transaction, which holds the row lock until commit: sequence numbers become visible in order,
 * so a reader that saw number n never later finds a smaller one appear (pull cursors stay
 * correct), also with several server instances on one database.
 */
@Entity
@Table(name = "OP_COUNTER")
public class ChangeCounter {

	public static final String CHANGES = "changes";

	@Id
	@Column(name = "NAME", length = 32)
	private String name;

	@Column(name = "CVALUE", nullable = false)
	private long value;

	protected ChangeCounter() {
	}

	public ChangeCounter(String name) {
		this.name = name;
	}

	public long getValue() {
		return value;
	}
}
