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
 * One instance per server keeps the last {@link View} it read and reads again only when one of
 * these records changed: every change takes a new sequence number, so the highest one among them
 * (one indexed query per request) tells whether the view is still the store's, also when another
 * server instance or the administrator command line made the change.
 */
public final class Directory {

	static final List<String> TYPES = List.of("user", "role", "assignment", "orgunit", "setting");

	private final AtomicReference<View> last = new AtomicReference<>();

	/** The directory as the store holds it now. */
	public View current(EntityManager em) {
		Long version = em.createQuery("SELECT MAX(r.rev) FROM StoredRecord r WHERE r.type IN :types", Long.class).setParameter("types", TYPES)
				.getSingleResult();
		long now = version == null ? 0 : version;
		View view = last.get();
		if (view == null || view.version != now) {
			view = read(em, now);
			last.set(view);
		}
		return view;
	}

	/** Reads the directory without keeping it. */
	public static View read(EntityManager em) {
		return read(em, -1);
	}

	private static View read(EntityManager em, long version) {
		List<StoredRecord> records = em
				.createQuery("SELECT r FROM StoredRecord r WHERE r.type IN :types AND r.tombstone = FALSE", StoredRecord.class)
				.setParameter("types", TYPES).setHint(ChangeFeed.READ_ONLY, true).getResultList();
		return new View(version, records);
	}

	/** The directory at one version: immutable, shared by the requests that find the store still at that version. */
	public static final class View {
		private final long version;
		private final Map<String, ObjectNode> users = new HashMap<>();
		private final Map<String, Set<String>> rolePermissions = new HashMap<>();
		private final Map<String, Set<String>> assignedUnits = new HashMap<>();
		private final Map<String, List<String>> children = new HashMap<>();
		private final ServerSettings settings;
		private final Map<String, Optional<UserScope>> scopes = new ConcurrentHashMap<>();

		View(long version, List<StoredRecord> records) {
			this.version = version;
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
