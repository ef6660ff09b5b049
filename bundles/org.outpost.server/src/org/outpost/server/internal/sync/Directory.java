package org.outpost.server.internal.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.outpost.protocol.JsonCodec;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

/**
 * Reads users, roles, assignments and the org unit tree from the admin records (the same records
 * devices sync), so what the server enforces is what the devices see. Bodies hold the desktop
 * entities' synced fields.
 * <ul>
 * <li>user: owner = user name; body {@code userName}, {@code displayName}, {@code active}, {@code roleIds} (role record ids)</li>
 * <li>role: body {@code name}, {@code permissions}</li>
 * <li>assignment: owner = user name, org unit = the assigned unit; body {@code userId}, {@code orgUnitId}</li>
 * <li>orgunit: org unit = its own id; body {@code name}, {@code parentId} (an org unit id or absent)</li>
 * </ul>
 */
public final class Directory {

	private Directory() {
	}

	/** The user's scope, or null when there is no such (live) user. */
	public static UserScope userScope(EntityManager em, String userName) {
		List<StoredRecord> users = live(em, "user", userName);
		if (users.isEmpty()) {
			return null;
		}
		ObjectNode profile = JsonCodec.parseObject(users.get(0).getBody());
		Set<String> roleIds = texts(profile.get("roleIds"));
		Set<String> permissions = new HashSet<>();
		for (StoredRecord role : live(em, "role", null)) {
			if (roleIds.contains(role.getId())) {
				permissions.addAll(texts(JsonCodec.parseObject(role.getBody()).get("permissions")));
			}
		}
		Set<String> assigned = new HashSet<>();
		for (StoredRecord assignment : live(em, "assignment", userName)) {
			assigned.add(assignment.getOrgUnit());
		}
		return new UserScope(userName, profile.path("displayName").asText(userName), profile.path("active").asBoolean(true), permissions,
				withSubUnits(em, assigned));
	}

	/** The given org units and every unit below them. */
	public static Set<String> withSubUnits(EntityManager em, Collection<String> roots) {
		Map<String, List<String>> children = new HashMap<>();
		for (StoredRecord unit : live(em, "orgunit", null)) {
			JsonNode parent = JsonCodec.parseObject(unit.getBody()).get("parentId");
			if (parent != null && parent.isTextual()) {
				children.computeIfAbsent(parent.textValue(), key -> new ArrayList<>()).add(unit.getId());
			}
		}
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

	private static List<StoredRecord> live(EntityManager em, String type, String owner) {
		String jpql = "SELECT r FROM StoredRecord r WHERE r.type = :type AND r.tombstone = FALSE" + (owner == null ? "" : " AND r.owner = :owner");
		var query = em.createQuery(jpql, StoredRecord.class).setParameter("type", type).setHint(ChangeFeed.READ_ONLY, true);
		if (owner != null) {
			query.setParameter("owner", owner);
		}
		return query.getResultList();
	}

	private static Set<String> texts(JsonNode array) {
		Set<String> values = new HashSet<>();
		if (array != null && array.isArray()) {
			array.forEach(value -> values.add(value.asText()));
		}
		return values;
	}
}
