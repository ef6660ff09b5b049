package org.outpost.sync.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** When the server last acknowledged a change to an Event: what Retain Events after sync counts from. */
@Entity(name = "PushedEvent")
@Table(name = "OUTPOST_SYNC_PUSHED_EVENT")
public class PushedEvent {

	@Id
	@Column(name = "EVENT_ID", length = 36)
	private String eventId;

	@Column(name = "PUSHED_AT", nullable = false)
	private long pushedAt;

	/** For JPA. */
	protected PushedEvent() {
	}

	PushedEvent(String eventId, long pushedAt) {
		this.eventId = eventId;
		this.pushedAt = pushedAt;
	}

	String getEventId() {
		return eventId;
	}

	void pushedAgain(long at) {
		this.pushedAt = at;
	}
}
