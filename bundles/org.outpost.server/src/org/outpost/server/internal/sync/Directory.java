package org.outpost.server.internal.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.outpost.protocol.JsonCodec;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

/**
 * Reads users, roles, assignments, the org unit tree and the server's settings from the admin
 * records (the same records devices sync), so what the server enforces is what the devices see.
 * Bodies hold the desktop entities' synced fields.
 * <ul>
 * <li>user: owner = user name; body {@code userName}, {@code displayName}, {@code active}, {@code roleIds} (role record ids)</li>
 * <li>role: body {@code name}, {@code permissions}</li>
 * <li>assignment: owner = user name, org unit = the assigned unit; body {@code userId}, {@code orgUnitId}</li>
 * <li>orgunit: org unit = its own id; body {@code name}, {@code parentId} (an org unit id or absent)</li>
 * <li>setting: body {@code key}, {@code value} ({@link ServerSettings})</li>
 * </ul>
 * One instance per server keeps the last {@link View} it read, with the sequence number up to which
 * it knows none of these records changed. Every change takes a new sequence number, and the
 * committed change counter says up to where all changes are committed, so each request reads the
 * counter and looks only at the records changed since the last check (an index range scan over
 * the few latest changes, not over the directory); it reads the directory again only when one of
 * them is a directory record. This holds also when another server instance or the administrator
 * command line made the change.
 */
public final class Directory {

	static final List<String> TYPES = List.of("user", "role", "assignment", "orgunit", "setting");
	/** Beyond this many changes since the last check, reading the directory again costs less than looking at them. */
	private static final long CHECKED_AT_MOST = 5_000;

	/** A view and the sequence number up to which no directory record changed after it was read. */
	private record Checked(View view, long through) {
	}

	private final AtomicReference<Checked> last = new AtomicReference<>();

	/**
	 * The directory as the store holds it up to {@code committed}: the change counter as committed
	 * ({@link ServerStore#lastCommittedRevision}), read by the caller.
	 */
	public View current(EntityManager em, long committed) {
		Checked checked = last.get();
		if (checked != null && committed <= checked.through()) {
			return checked.view();
		}
		if (checked != null && committed - checked.through() <= CHECKED_AT_MOST && !directoryChanged(em, checked.through(), committed)) {
			// another request may have checked further meanwhile: keep the further one
			last.accumulateAndGet(new Checked(checked.view(), committed),
					(current, mine) -> current.view() == mine.view() && current.through() < mine.through() ? mine : current);
			return checked.view();
		}
		// read after the counter: it holds at least every change up to it
		View view = read(em);
		last.accumulateAndGet(new Checked(view, committed), (current, mine) -> current == null || current.through() < mine.through() ? mine : current);
		return view;
	}

	/** Whether a directory record changed with a sequence number in {@code (after, upTo]}. */
	private static boolean directoryChanged(EntityManager em, long after, long upTo) {
		// by the sequence index alone: the types are compared here, so the database does not pick the (type, sequence) index; in SQL,
		// which stays prepared on its connection (asked by nearly every request after a write)
		List<?> types = em.createNativeQuery("SELECT RTYPE FROM OP_RECORD WHERE REV > ?1 AND REV <= ?2").setParameter(1, after).setParameter(2, upTo)
				.getResultList();
		return types.stream().anyMatch(TYPES::contains);
	}

	/** Reads the directory without keeping it. */
	public static View read(EntityManager em) {
		List<StoredRecord> records = em
				.createQuery("SELECT r FROM StoredRecord r WHERE r.type IN :types AND r.tombstone = FALSE", StoredRecord.class)
				.setParameter("types", TYPES).setHint(ChangeFeed.READ_ONLY, true).getResultList();
		return new View(records);
	}

	/** The directory as read once: immutable, shared by the requests that find none of its records changed since. */
	public static final class View {
		private final Map<String, ObjectNode> users = new HashMap<>();
		private final Map<String, Set<String>> rolePermissions = new HashMap<>();
		private final Map<String, Set<String>> assignedUnits = new HashMap<>();
		private final Map<String, List<String>> children = new HashMap<>();
		private final ServerSettings settings;
		private final Map<String, Optional<UserScope>> scopes = new ConcurrentHashMap<>();

		View(List<StoredRecord> records) {
			List<ObjectNode> settingBodies = new ArrayList<>();
			for (StoredRecord record : records) {
				switch (record.getType()) {
				case "user" -> users.put(record.getOwner(), JsonCodec.parseObject(record.getBody()));
				case "role" -> rolePermissions.put(record.getId(), texts(JsonCodec.parseObject(record.getBody()).get("permissions")));
				case "assignment" -> assignedUnits.computeIfAbsent(record.getOwner(), owner -> new HashSet<>()).add(record.getOrgUnit());
				case "orgunit" -> {
					JsonNode parent = JsonCodec.parseObject(record.getBody()).get("parentId");
					if (parent != null && parent.isTextual()) {
						children.computeIfAbsent(parent.textValue(), key -> new ArrayList<>()).add(record.getId());
					}
				}
				case "setting" -> settingBodies.add(JsonCodec.parseObject(record.getBody()));
				default -> throw new IllegalStateException("Not a directory type: " + record.getType());
				}
			}
			settings = ServerSettings.of(settingBodies);
		}

		/** The user's scope, or null when there is no such (live) user. */
		public UserScope userScope(String userName) {
			return scopes.computeIfAbsent(userName, name -> Optional.ofNullable(scopeOf(name))).orElse(null);
		}

		private UserScope scopeOf(String userName) {
			ObjectNode profile = users.get(userName);
			if (profile == null) {
				return null;
			}
			Set<String> permissions = new HashSet<>();
			for (String roleId : texts(profile.get("roleIds"))) {
				permissions.addAll(rolePermissions.getOrDefault(roleId, Set.of()));
			}
			return new UserScope(userName, profile.path("displayName").asText(userName), profile.path("active").asBoolean(true), permissions,
					withSubUnits(assignedUnits.getOrDefault(userName, Set.of())));
		}

		/** The given org units and every unit below them. */
		public Set<String> withSubUnits(Collection<String> roots) {
			Set<String> all = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(roots);
			while (!todo.isEmpty()) {
				String unit = todo.pop();
				if (all.add(unit)) {
					todo.addAll(children.getOrDefault(unit, List.of()));
				}
			}
			return all;
		}

		public ServerSettings settings() {
			return settings;
		}
	}

	private static Set<String> texts(JsonNode array) {
		Set<String> values = new HashSet<>();
		if (array != null && array.isArray()) {
			array.forEach(value -> values.add(value.asText()));
		}
		return values;
	}
}
