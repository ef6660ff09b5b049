package org.outpost.sync.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.prefs.BackingStoreException;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.connection.Connection;
import org.outpost.sync.engine.SyncProblem.Kind;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;

import jakarta.persistence.EntityManager;

/**
 * Keeps the local data with the account it came from. A login to another server or as another
 * user is refused while changes (queued, or refused by the server) or conflicts for the old account
 * wait (they would be lost, or sent to the wrong server); otherwise it needs the user's consent, and
 * then removes the synced modules' records, the cursors and scope state of the old account, and the
 * device's choice of org units and locations (ids of the old server), so that the next full sync
 * starts from the beginning on an empty device. The first login of an empty device and a reset
 * leave the initial sync due ({@link InitialSync}).
 */
final class AccountSwitch {

	/** Sync state that belongs to the held account, besides the synced records (queued and refused changes and conflicts stop a switch). */
	/** Where else than the Queue view waiting changes are discarded. */
	private static final String COMMAND = " or with 'outpost discard' on the command line";
	private static final List<String> SYNC_STATE = List.of("SyncCursor", "SweptRecord", "OutOfScopeRecord", "PushedEvent", "RejectedChange");

	private final LocalDatabase database;
	private final RecordTypeIndex index;
	private final SyncSettingsStore settings;
	private final Clock clock;

	AccountSwitch(LocalDatabase database, RecordTypeIndex index, SyncSettingsStore settings, Clock clock) {
		this.database = database;
		this.index = index;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Called after the server accepted the login, before it is kept: records {@code account} as the
	 * one the local data belongs to, resetting the data of another one when {@code resetAllowed}.
	 *
	 * @param previous the connection before this login (what a device from before {@link HeldAccount} held)
	 * @throws SyncProblem {@link Kind#UNSENT_CHANGES} or {@link Kind#LOCAL_DATA_RESET_NEEDED}, changing nothing
	 */
	void logInAs(HeldAccount account, Optional<Connection> previous, boolean resetAllowed) throws SyncProblem {
		Optional<HeldAccount> held = held(previous);
		if (held.isEmpty() || held.get().sameAs(account)) {
			record(account, held.isEmpty());
			return;
		}
		String from = held.get().describe();
		long unsent = count("OutboxEntry");
		long refused = count("RejectedChange");
		long conflicts = count("SyncConflict");
		if (unsent + refused + conflicts > 0) {
			throw new SyncProblem(Kind.UNSENT_CHANGES, waiting(unsent, refused, conflicts, from, account.describe()));
		}
		if (!resetAllowed) {
			throw new SyncProblem(Kind.LOCAL_DATA_RESET_NEEDED, "This device holds the data of " + from + ". Logging in as " + account.describe()
					+ " removes it from this device (records, sync state, chosen org units and locations) and brings that account's data"
					+ " with a full sync.");
		}
		reset(account);
	}

	/**
	 * "This device holds 1 change not yet sent of officer on http://a. Before you log in as ..., sync it
	 * to that server or discard it in the Sync perspective's Queue view or with 'outpost discard' on the
	 * command line; nothing was changed."
	 */
	static String waiting(long unsent, long refused, long conflicts, String from, String to) {
		List<String> holds = new ArrayList<>();
		List<String> todo = new ArrayList<>();
		if (unsent > 0) {
			String them = unsent == 1 ? "it" : "them";
			holds.add(unsent == 1 ? "1 change not yet sent" : unsent + " changes not yet sent");
			todo.add("sync " + them + " to that server or discard " + them + " in the Sync perspective's Queue view" + COMMAND);
		}
		if (refused > 0) {
			holds.add(refused == 1 ? "1 change the server refused" : refused + " changes the server refused");
			String which = refused == 1 ? "the refused change" : "the refused changes";
			todo.add(unsent > 0 ? "discard " + which + " there" : "discard " + which + " in the Sync perspective's Queue view" + COMMAND);
		}
		if (conflicts > 0) {
			holds.add(conflicts == 1 ? "1 unresolved conflict" : conflicts + " unresolved conflicts");
			todo.add(todo.isEmpty() ? "resolve " + (conflicts == 1 ? "it" : "them") + " in the Sync perspective's Conflicts view"
					: "resolve the conflicts in its Conflicts view");
		}
		return "This device holds " + inWords(holds) + " of " + from + ". Before you log in as " + to + ", " + String.join(", and ", todo)
				+ "; nothing was changed.";
	}

	/** "a", "a and b", "a, b and c". */
	private static String inWords(List<String> parts) {
		int last = parts.size() - 1;
		return last == 0 ? parts.get(0) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
	}

	/**
	 * Before a sync: the server must be the one the local data came from. A server that did not
	 * say its id before and does now (an upgraded server) is recorded as that one.
	 */
	void requireHeldServer(String serverId) throws SyncProblem {
		if (serverId == null) {
			return;
		}
		String other = database.write(em -> {
			HeldAccount held = em.find(HeldAccount.class, HeldAccount.THIS_DEVICE);
			if (held == null) {
				return null;
			}
			if (held.getServerId() == null) {
				held.adoptServerId(serverId);
			}
			return held.getServerId().equals(serverId) ? null : held.getServerAddress();
		});
		if (other != null) {
			throw new SyncProblem(Kind.LOGIN_NEEDED, "The server at " + other + " is not the one this device's data came from (another server"
					+ " answers there now); log in again to replace the local data with this server's");
		}
	}

	private Optional<HeldAccount> held(Optional<Connection> previous) {
		HeldAccount held = database.read(em -> em.find(HeldAccount.class, HeldAccount.THIS_DEVICE));
		if (held != null) {
			return Optional.of(held);
		}
		// a device synced before accounts were recorded: its data belongs to the connection it had, if it holds any
		boolean holdsData = count("SyncCursor") + count("OutboxEntry") > 0;
		return holdsData ? previous.map(c -> new HeldAccount(null, c.server().toString(), c.user())) : Optional.empty();
	}

	private void record(HeldAccount account, boolean firstLogin) {
		database.write(em -> {
			replaceHeld(em, account);
			if (firstLogin) {
				InitialSync.due(em, clock.instant());
			}
			return null;
		});
	}

	private void reset(HeldAccount account) throws SyncProblem {
		List<Class<?>> records = List.copyOf(index.types());
		database.write(em -> {
			// children first: modules list their types parents first
			for (int i = records.size() - 1; i >= 0; i--) {
				em.createQuery("DELETE FROM " + em.getMetamodel().entity(records.get(i)).getName()).executeUpdate();
			}
			for (String entity : SYNC_STATE) {
				em.createQuery("DELETE FROM " + entity).executeUpdate();
			}
			replaceHeld(em, account);
			InitialSync.due(em, clock.instant());
			return null;
		});
		SyncSettings device = settings.load();
		try {
			settings.save(device.withPlaces(List.of(), List.of()));
		} catch (BackingStoreException e) {
			throw new SyncProblem(Kind.SERVER_ERROR, "The local data was removed, but the chosen org units and locations could not be cleared: "
					+ e.getMessage(), e);
		}
	}

	private static void replaceHeld(EntityManager em, HeldAccount account) {
		HeldAccount held = em.find(HeldAccount.class, HeldAccount.THIS_DEVICE);
		if (held != null) {
			em.remove(held);
			em.flush();
		}
		em.persist(account);
	}

	private long count(String entity) {
		return database.read(em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult());
	}
}
