package org.outpost.admin;

import org.osgi.service.prefs.BackingStoreException;
import org.outpost.sync.connection.Connection;
import org.outpost.sync.connection.ConnectionStore;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.outpost.persistence.LocalDatabase;

/**
 * Answers what the user signed in on this device may do, from the roles and permissions the
 * admin sync brought down. The server checks again on every push; this is so the user is told
 * before they type, not after.
 */
public final class AccessPolicy {

	private final LocalDatabase database;

	public AccessPolicy(LocalDatabase database) {
		this.database = Objects.requireNonNull(database, "database");
	}

	/**
	 * @param module the module's permission key, e.g. {@code events}
	 * @param moduleLabel the module's name as users know it, for the reason ("Events")
	 */
	public Access check(String module, String moduleLabel, Permission permission) {
		Optional<User> user = signedInUser();
		if (user.isEmpty()) {
			return Access.denied("Nobody is signed in on this device. Sign in (initial sync) to " + permission.label().toLowerCase(Locale.ROOT)
					+ " " + moduleLabel + ".");
		}
		if (!user.get().isActive()) {
			return Access.denied("The account " + user.get().getUserName() + " is deactivated. Ask an administrator to reactivate it.");
		}
		List<Role> roles = database.read(em -> user.get().getRoleIds().stream().map(id -> em.find(Role.class, id))
				.filter(r -> r != null && !r.isTombstone()).toList());
		if (roles.stream().anyMatch(r -> r.allows(module, permission))) {
			return Access.granted();
		}
		String roleNames = roles.isEmpty() ? "no role" : "the role" + (roles.size() > 1 ? "s " : " ")
				+ roles.stream().map(Role::getName).sorted().collect(Collectors.joining(", "));
		return Access.denied(user.get().getDisplayName() + " has " + roleNames + ", which does not allow '" + permission.label()
				+ "' in " + moduleLabel + ". Ask an administrator for that permission, then run an Admin sync.");
	}

	/** The user chosen on this device, or else the user this device logged in to the server as. */
	public Optional<User> signedInUser() {
		return database.read(em -> Optional.ofNullable(em.find(SignedInUser.class, SignedInUser.DEVICE))
				.map(s -> em.find(User.class, s.getUserId())).or(() -> loggedInUser(em)).filter(u -> !u.isTombstone()));
	}

	private static Optional<User> loggedInUser(EntityManager em) {
		Optional<Connection> connection;
		try {
			connection = ConnectionStore.ofThisDevice().load();
		} catch (BackingStoreException e) {
			return Optional.empty();
		}
		return connection.flatMap(c -> em.createQuery("SELECT u FROM " + em.getMetamodel().entity(User.class).getName() + " u WHERE u.userName = :name",
				User.class).setParameter("name", c.user()).getResultStream().findFirst());
	}

	/** Records who uses this device from now on. */
	public void signIn(String userId) {
		database.write(em -> {
			if (em.find(User.class, userId) == null) {
				throw new IllegalArgumentException("No user " + userId + " on this device; run an Admin sync first");
			}
			SignedInUser current = em.find(SignedInUser.class, SignedInUser.DEVICE);
			if (current == null) {
				em.persist(new SignedInUser(userId));
			} else {
				current.setUserId(userId);
			}
			return null;
		});
	}
}
