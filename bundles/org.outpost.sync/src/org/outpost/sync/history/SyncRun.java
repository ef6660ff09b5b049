package org.outpost.sync.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One sync run as the History view shows it: kind, trigger, start, end, traffic per category,
 * conflicts, rejects, outcome and error. Kept on the device only.
 */
@Entity(name = "SyncRun")
@Table(name = "OUTPOST_SYNC_RUN", indexes = @Index(name = "OUTPOST_SYNC_RUN_STARTED", columnList = "STARTED_AT"))
public class SyncRun {

	@Id
	@Column(name = "ID", length = 36)
	private String id;

	/** full, events, admin, documents, or a participant id for a register button. */
	@Column(name = "KIND", nullable = false, length = 100)
	private String kind;

	/** manual, automatic, initial, command line. */
	@Column(name = "SYNC_TRIGGER", nullable = false, length = 20)
	private String trigger;

	@Column(name = "STARTED_AT", nullable = false)
	private long startedAt;

	@Column(name = "ENDED_AT")
	private Long endedAt;

	@Column(name = "OUTCOME", length = 20)
	private String outcome;

	@Column(name = "MESSAGE", length = 4000)
	private String message;

	@Column(name = "CONFLICTS", nullable = false)
	private int conflicts;

	@Column(name = "REJECTS", nullable = false)
	private int rejects;

	/** category:recordsUp:recordsDown:bytesUp:bytesDown, one per line: a handful of numbers needs no JSON. */
	@Column(name = "TRAFFIC", length = 4000)
	private String traffic = "";

	/** For JPA. */
	protected SyncRun() {
	}

	public SyncRun(String kind, String trigger, Instant startedAt) {
		this.id = UUID.randomUUID().toString();
		this.kind = Objects.requireNonNull(kind, "kind");
		this.trigger = Objects.requireNonNull(trigger, "trigger");
		this.startedAt = startedAt.toEpochMilli();
	}

	public void finish(Instant at, SyncOutcome result, String text, int conflictCount, int rejectCount, List<CategoryTraffic> perCategory) {
		this.endedAt = at.toEpochMilli();
		this.outcome = result.name();
		this.message = text == null ? null : text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
		this.conflicts = conflictCount;
		this.rejects = rejectCount;
		StringBuilder lines = new StringBuilder();
		for (CategoryTraffic t : perCategory) {
			lines.append(t.category()).append(':').append(t.recordsUp()).append(':').append(t.recordsDown()).append(':').append(t.bytesUp())
					.append(':').append(t.bytesDown()).append('\n');
		}
		this.traffic = lines.toString();
	}

	public String getId() {
		return id;
	}

	public String getKind() {
		return kind;
	}

	public String getTrigger() {
		return trigger;
	}

	public Instant getStartedAt() {
		return Instant.ofEpochMilli(startedAt);
	}

	/** Null while the run is under way (or when the process died during it). */
	public Instant getEndedAt() {
		return endedAt == null ? null : Instant.ofEpochMilli(endedAt);
	}

	public Duration getDuration() {
		return endedAt == null ? null : Duration.ofMillis(endedAt - startedAt);
	}

	/** Null while under way. */
	public SyncOutcome getOutcome() {
		return outcome == null ? null : SyncOutcome.valueOf(outcome);
	}

	public String getMessage() {
		return message;
	}

	public int getConflicts() {
		return conflicts;
	}

	public int getRejects() {
		return rejects;
	}

	public List<CategoryTraffic> getTraffic() {
		List<CategoryTraffic> result = new ArrayList<>();
		for (String line : traffic.split("\n")) {
			String[] parts = line.split(":");
			if (parts.length == 5) {
				long[] n = Arrays.stream(parts, 1, 5).mapToLong(Long::parseLong).toArray();
				result.add(new CategoryTraffic(parts[0], n[0], n[1], n[2], n[3]));
			}
		}
		return result;
	}
}
