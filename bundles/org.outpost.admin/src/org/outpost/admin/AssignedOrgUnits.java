package org.outpost.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.outpost.persistence.LocalDatabase;

/** The org units a user may work in and sync: those they are assigned to and every unit below them. */
public final class AssignedOrgUnits {

	private AssignedOrgUnits() {
	}

	/** In the tree's display order; empty when the device holds no assignment of the user yet. */
	public static Set<String> of(LocalDatabase database, OrgUnitTree tree, String userId) {
		List<String> assigned = database.read(em -> em
				.createQuery("SELECT a.orgUnitId FROM UserAssignment a WHERE a.userId = :user AND a.tombstone = FALSE", String.class)
				.setParameter("user", userId).getResultList());
		Set<String> reachable = new LinkedHashSet<>();
		assigned.forEach(id -> reachable.addAll(tree.subtree(id)));
		Set<String> ordered = new LinkedHashSet<>();
		tree.nodes().stream().map(node -> node.unit().getId()).filter(reachable::contains).forEach(ordered::add);
		return ordered;
	}
}
