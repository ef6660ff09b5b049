package org.outpost.sync.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far the device has pulled one sync category: committed in the same transaction as the
 * records of the page it ends, so an interrupted sync resumes after the last whole page.
 */
@Entity(name = "SyncCursor")
@Table(name = "OUTPOST_SYNC_CURSOR")
public class SyncCursor {

	@Id
	@Column(name = "CATEGORY", length = 100)
	private String category;

	@Column(name = "CURSOR_VALUE", length = 400)
	private String cursor;

	/** True while a scope change is being swept: the records pulled are being noted to find those that left. */
	@Column(name = "SWEEPING", nullable = false)
	private boolean sweeping;

	/** For JPA. */
	protected SyncCursor() {
	}

	SyncCursor(String category) {
		this.category = category;
	}

	public String getCategory() {
		return category;
	}

	public String getCursor() {
		return cursor;
	}

	void setCursor(String cursor) {
		this.cursor = cursor;
	}

	boolean isSweeping() {
		return sweeping;
	}

	void setSweeping(boolean sweeping) {
		this.sweeping = sweeping;
	}
}
