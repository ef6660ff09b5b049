package org.outpost.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The messages of protocol version {@value Protocol#VERSION}, as Java records; docs/protocol.md shows their JSON. */
public final class Messages {

	private Messages() {
	}

	/**
	 * GET hello: who the server is and whether a client at {@code clientVersion} may sync.
	 *
	 * @param maxBlobBytes the largest document blob the server takes; 0 when the server did not say
	 * @param serverId the id of the server's database, the same for every instance serving it and
	 *        kept across restarts; null from a server that does not say
	 * @param maxPageSize the most records the server sends in one change page; 0 when the server did
	 *        not say (it takes {@link Protocol#OLDER_MAX_PAGE_SIZE})
	 */
	public record Hello(String application, String serverVersion, List<Integer> protocolVersions, Instant serverTime,
			Compatibility compatibility, long maxBlobBytes, String serverId, int maxPageSize) {
	}

	/**
	 * What the server holds of one blob: its size (0 while no upload began), the bytes received in
	 * order, and whether it is complete (verified and served). {@code maxBytes} is the server's limit.
	 */
	public record BlobStatus(String sha256, long size, long received, boolean complete, long maxBytes) {
	}

	/** The version verdict: {@code go}, {@code warn} or {@code block}, with a message for the user. */
	public record Compatibility(String verdict, String message) {
	}

	public record LoginRequest(String user, String password, String deviceId, String clientVersion) {
	}

	public record LoginResponse(String token, Instant expiresAt, String user, String displayName, List<String> permissions) {
	}

	/**
	 * What a device asks the change feed for: one category after a cursor (null: from the start),
	 * inside the device's sync settings. {@code countRemaining} asks for the page's
	 * {@code remaining} also when the cursor is in the middle of the feed (a sync's first page
	 * after a cancelled or earlier sync), so the device can tell a total and the time left.
	 * {@code heldRevisions}: revisions the device's own push gave records it holds exactly as the
	 * server does (the push answered {@code previousRev}); the feed leaves out a record whose
	 * current revision is one of them.
	 */
	public record ChangesRequest(String category, String cursor, int limit, DeviceScope scope, boolean countRemaining, Set<Long> heldRevisions) {

		public ChangesRequest {
			heldRevisions = Set.copyOf(heldRevisions);
		}

		/** A request that counts what remains only where the feed always does: at the start of a scan. */
		public ChangesRequest(String category, String cursor, int limit, DeviceScope scope) {
			this(category, cursor, limit, scope, false, Set.of());
		}
	}

	/**
	 * POST changed (protocol 2): the device's categories, each with its cursor (null: none yet), and
	 * its scope settings; the answer names the categories a pull would bring anything for.
	 */
	public record ChangedRequest(List<CategoryCursor> categories, DeviceScope scope) {

		public ChangedRequest {
			categories = List.copyOf(categories);
		}
	}

	/** A category and the device's cursor in it (null: the device never pulled it). */
	public record CategoryCursor(String category, String cursor) {

		public CategoryCursor {
			Objects.requireNonNull(category, "category");
		}
	}

	/**
	 * The answer to {@link ChangedRequest}: the categories, of those asked, with records or moves
	 * after the cursor, or whose scope changed since it; a pull of any other brings nothing.
	 */
	public record ChangedCategories(List<String> changed) {

		public ChangedCategories {
			changed = List.copyOf(changed);
		}
	}

	/**
	 * The device's sync settings that narrow the user's scope: event due-date window, chosen org
	 * units and locations (empty: all the user may see), all risks or only the user's own, all
	 * actions in scope or only the user's, Complete and Verified actions too or only open ones.
	 */
	public record DeviceScope(int dueToLastDays, int syncInAdvanceDays, List<String> orgUnits, List<String> locations,
			boolean syncAllRisks, boolean onlyMyActions, boolean closedActions) {

		public static final DeviceScope DEFAULT = new DeviceScope(30, 30, List.of(), List.of(), false, false, true);

		public DeviceScope {
			orgUnits = List.copyOf(orgUnits);
			locations = List.copyOf(locations);
		}

		/** The settings with Complete and Verified actions included (the default). */
		public DeviceScope(int dueToLastDays, int syncInAdvanceDays, List<String> orgUnits, List<String> locations, boolean syncAllRisks,
				boolean onlyMyActions) {
			this(dueToLastDays, syncInAdvanceDays, orgUnits, locations, syncAllRisks, onlyMyActions, true);
		}
	}

	/**
	 * One record as it travels: identity, server revision, tombstone, the scope fields the server
	 * filters on, and every other field in {@code body}.
	 */
	public record WireRecord(String type, String id, long rev, boolean tombstone, String orgUnit, String location, LocalDate dueDate,
			String owner, ObjectNode body) {

		public WireRecord {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(body, "body");
		}
	}

	/**
	 * One record as the server stores it, its body JSON text that the server streams to the wire
	 * unparsed: the same JSON as a {@link WireRecord}.
	 */
	public record StoredWireRecord(String type, String id, long rev, boolean tombstone, String orgUnit, String location, LocalDate dueDate,
			String owner, String bodyJson) {

		public StoredWireRecord {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(bodyJson, "bodyJson");
		}
	}

	/**
	 * A record that left the device's scope by a change on the server (an edit moved it to another
	 * org unit, location, owner, due date or status): it still exists there, but the device should
	 * no longer hold it, unless it has unsent edits to it.
	 */
	public record LeftRecord(String type, String id, long rev) {
	}

	/**
	 * A page of the change feed. {@code left}: records that moved out of the device's scope.
	 * {@code reset} says the feed restarted from the beginning because the device's scope changed:
	 * after the last page, records the device holds that were not sent have left its scope.
	 * {@code remaining} bounds the records still to come in the category after this page, for
	 * progress: at least as many as the device will receive (0 on the last page),
	 * {@link #UNKNOWN_REMAINING} from a server that does not say.
	 */
	public record ChangePage(String category, List<WireRecord> records, List<LeftRecord> left, String nextCursor, boolean hasMore, boolean reset,
			long remaining) {

		public static final long UNKNOWN_REMAINING = -1;

		public ChangePage {
			records = List.copyOf(records);
			left = List.copyOf(left);
		}
	}

	/** The server's form of a {@link ChangePage}, its records as stored: the same JSON. */
	public record ServedPage(String category, List<StoredWireRecord> records, List<LeftRecord> left, String nextCursor, boolean hasMore,
			boolean reset, long remaining) {

		public ServedPage {
			records = List.copyOf(records);
			left = List.copyOf(left);
		}
	}

	/** A batch of outbox entries; {@code pendingCount} is what the device still has queued, for the device registry. */
	public record PushRequest(int pendingCount, List<Mutation> mutations) {
	}

	public enum Operation {
		CREATE, UPDATE, DELETE;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** One outbox entry: the changed fields with the values the edit started from. */
	public record Mutation(String mutationId, String type, String recordId, Operation operation, Map<String, FieldChange> fields) {
	}

	/** A changed field: its new value and its base value (null on create). */
	public record FieldChange(JsonNode value, JsonNode base) {
	}

	public enum Outcome {
		APPLIED, CONFLICT, REJECTED;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * The answer to one mutation. Applied: {@code newRev}. Conflict: the fields that applied are
	 * in {@code newRev}, the others are in {@code conflicts} with the server's value. Rejected:
	 * {@code reason}, nothing written. {@code previousRev} (an optional addition, {@link #NO_PREVIOUS_REV}
	 * when absent): the record's revision before this mutation, given only when the record at
	 * {@code newRev} is exactly the record at {@code previousRev} with the mutation's values, so a
	 * device that held {@code previousRev} holds {@code newRev} once it has its answer.
	 */
	public record MutationResult(String mutationId, Outcome outcome, long newRev, long previousRev, Map<String, FieldConflict> conflicts,
			String reason) {

		/** {@code previousRev} of an answer that gives none. */
		public static final long NO_PREVIOUS_REV = -1;

		public static MutationResult applied(String mutationId, long newRev) {
			return new MutationResult(mutationId, Outcome.APPLIED, newRev, NO_PREVIOUS_REV, Map.of(), null);
		}

		/** Applied exactly as sent onto the record at {@code previousRev}. */
		public static MutationResult applied(String mutationId, long newRev, long previousRev) {
			return new MutationResult(mutationId, Outcome.APPLIED, newRev, previousRev, Map.of(), null);
		}

		public static MutationResult conflict(String mutationId, long rev, Map<String, FieldConflict> conflicts) {
			return new MutationResult(mutationId, Outcome.CONFLICT, rev, NO_PREVIOUS_REV, Map.copyOf(conflicts), null);
		}

		public static MutationResult rejected(String mutationId, String reason) {
			return new MutationResult(mutationId, Outcome.REJECTED, 0, NO_PREVIOUS_REV, Map.of(), reason);
		}
	}

	/** A field the server kept: its value there, the base the device started from, and the device's value. */
	public record FieldConflict(JsonNode server, JsonNode base, JsonNode mine) {
	}

	public record PushResponse(List<MutationResult> results) {
	}

	/**
	 * A record edited on the web side: the given fields are set (JSON null clears one), the others
	 * stay; {@code delete} makes it a tombstone instead. The answer is the record as devices will
	 * receive it.
	 */
	public record RecordEdit(String type, String id, ObjectNode fields, boolean delete) {
	}
}
