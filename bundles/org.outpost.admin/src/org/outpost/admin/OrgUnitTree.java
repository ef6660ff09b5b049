package org.outpost.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.outpost.persistence.LocalDatabase;

/**
 * The org unit hierarchy as it is now on this device: paths for display, subtrees for filters
 * ("events in North and below"). A snapshot; load it again after an admin sync.
 */
public final class OrgUnitTree {

	/** One unit in display order with its depth (0 for a root) and its path "Group / North / Site 3". */
	public record Node(OrgUnit unit, int depth, String path) {
	}

	private final Map<String, OrgUnit> byId = new HashMap<>();
	private final Map<String, List<OrgUnit>> children = new HashMap<>();
	private final List<Node> ordered = new ArrayList<>();
	private final Map<String, String> paths = new HashMap<>();

	public OrgUnitTree(List<OrgUnit> units) {
		for (OrgUnit unit : units) {
			if (!unit.isTombstone()) {
				byId.put(unit.getId(), unit);
			}
		}
		for (OrgUnit unit : byId.values()) {
			// a unit whose parent is not on this device shows as a root rather than disappearing
			String parent = byId.containsKey(unit.getParentId()) ? unit.getParentId() : null;
			children.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit);
		}
		children.values().forEach(list -> list.sort(Comparator.comparing(OrgUnit::getName, String.CASE_INSENSITIVE_ORDER)));
		visit(null, 0, "", new LinkedHashSet<>());
	}

	public static OrgUnitTree load(LocalDatabase database) {
		return new OrgUnitTree(database.read(em -> em.createQuery("SELECT u FROM OrgUnit u WHERE u.tombstone = FALSE", OrgUnit.class).getResultList()));
	}

	private void visit(String parentId, int depth, String prefix, Set<String> seen) {
		for (OrgUnit unit : children.getOrDefault(parentId, List.of())) {
			if (!seen.add(unit.getId())) {
				continue; // a cycle in bad data must not hang the picker
			}
			String path = prefix.isEmpty() ? unit.getName() : prefix + " / " + unit.getName();
			ordered.add(new Node(unit, depth, path));
			paths.put(unit.getId(), path);
			visit(unit.getId(), depth + 1, path, seen);
		}
	}

	/** Every unit, depth first, siblings by name. */
	public List<Node> nodes() {
		return List.copyOf(ordered);
	}

	/** The unit's path from its root, or an empty string for an unknown id. */
	public String path(String id) {
		return paths.getOrDefault(id, "");
	}

	/** The unit and all units below it. */
	public Set<String> subtree(String id) {
		Set<String> ids = new LinkedHashSet<>();
		if (byId.containsKey(id)) {
			collect(id, ids);
		}
		return ids;
	}

	private void collect(String id, Set<String> ids) {
		if (ids.add(id)) {
			children.getOrDefault(id, List.of()).forEach(child -> collect(child.getId(), ids));
		}
	}
}
