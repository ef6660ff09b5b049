package org.outpost.server.internal.sync;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.outpost.server.internal.store.ScopeDefinition;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

/**
 * The scopes cursors were handed out under, by fingerprint and user, so that a scope change can be
 * sent as a difference (what entered, what left). Kept {@link #KEPT} days: a device that has not
 * pulled for longer gets the whole category again after a scope change.
 */
public final class ScopeHistory {

	static final Duration KEPT = Duration.ofDays(60);
	/** Keys this server instance knows are stored, so a pull does not look them up again; a bound keeps it small. */
	private static final int KNOWN_MAX = 100_000;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private static String key(String fingerprint, String user) {
		return fingerprint + ":" + user;
	}

	/** The scope a cursor of this user was given under, or null when it is not kept (any more). */
	public static ScopeRules find(EntityManager em, String fingerprint, String user) {
		ScopeDefinition definition = em.find(ScopeDefinition.class, key(fingerprint, user));
		return definition == null ? null : ScopeRules.fromJson(definition.getDefinition());
	}

	/** Stores the scope of a cursor about to be handed out, in its own short transaction, unless it is stored already. */
	public void remember(EntityManager em, String fingerprint, ScopeRules rules, String user, long now) {
		String key = key(fingerprint, user);
		if (known.contains(key)) {
			return;
		}
		if (em.find(ScopeDefinition.class, key) == null) {
			EntityTransaction transaction = em.getTransaction();
			try {
				transaction.begin();
				em.createQuery("DELETE FROM ScopeDefinition d WHERE d.createdAt < :oldest").setParameter("oldest", now - KEPT.toMillis())
						.executeUpdate();
				em.persist(new ScopeDefinition(key, rules.toJson(), now));
				transaction.commit();
			} catch (PersistenceException e) {
				// another pull stored it at the same moment
				if (transaction.isActive()) {
					transaction.rollback();
				}
				return;
			}
		}
		if (known.size() > KNOWN_MAX) {
			known.clear();
		}
		known.add(key);
	}
}
