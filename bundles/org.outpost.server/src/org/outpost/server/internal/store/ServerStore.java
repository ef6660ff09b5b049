package org.outpost.server.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import javax.sql.DataSource;

import org.eclipse.core.runtime.ILog;
import org.outpost.persistence.EntityManagerFactories;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;

/**
 * The server's system of record: owns its EntityManagerFactory the way the desktop owns its
 * own ({@link EntityManagerFactories}), over an HSQLDB folder (the zero set-up default) or
 * PostgreSQL. No state lives here besides the factory, so several servers can share one database.
 */
public final class ServerStore implements AutoCloseable {

	static final List<Class<?>> ENTITIES = List.of(StoredRecord.class, ChangeCounter.class, MutationLogEntry.class, Device.class,
			Credential.class, DeviceToken.class, StoredBlob.class, BlobChunk.class, ScopeMove.class, ScopeDefinition.class, ServerIdentity.class);
	/** How often a write that lost a race with a concurrent one (see {@link #writeRetrying}) is tried in all. */
	private static final int ATTEMPTS = 3;
	private static final int SLICE = 1000;
	/** Prepared statements kept per HSQLDB connection: the server's distinct SQL texts, with room for the feed's and the push's {@code IN} lists. */
	private static final int STATEMENTS_KEPT = 200;

	/** What the transaction on this thread holds of an embedded store's {@link WriteLocks}. */
	private static final ThreadLocal<WriteLocks.Held> HELD = new ThreadLocal<>();
	/** Whether the work on this thread is a member of a group, and a later one ({@link #groupMember}). */
	private static final ThreadLocal<Boolean> GROUP_MEMBER = new ThreadLocal<>();

	/** The embedded HSQLDB; null for PostgreSQL, whose connections EclipseLink opens itself. */
	private final DataSource dataSource;
	/** The embedded store's writers' locks; null for PostgreSQL, where they are the rows' own (several servers share it). */
	private final WriteLocks locks;
	/** Pushes committed together. */
	private final GroupCommits groups;
	private final String location;
	private final EntityManagerFactory factory;
	private final String serverId;
	/**
	 * Turns to use the database, handed out in arrival order: a few transactions at a time finish
	 * sooner than hundreds contending for the cores and the database's locks.
	 */
	private final Semaphore turns;

	private ServerStore(DataSource dataSource, String location, Map<String, String> connection, int transactions) {
		this.dataSource = dataSource;
		this.location = location;
		this.locks = dataSource == null ? null : WriteLocks.of(location);
		this.groups = new GroupCommits(this);
		this.turns = new Semaphore(transactions, true);
		Map<String, String> properties = new HashMap<>(connection);
		// no shared cache: another server instance, or the admin command line, may change any row; every read goes to the database
		properties.put("eclipselink.cache.shared.default", "false");
		// EclipseLink shares one session per unit name in a JVM: each store (two instances in a test, say) gets its own
		properties.put("eclipselink.session-name", "outpost-server-" + UUID.randomUUID());
		if (dataSource != null) {
			// prepared statements kept per pooled connection: HSQLDB compiles a statement's SQL every time it is prepared (a sixth
			// of the server's CPU at 200 devices). PostgreSQL's driver keeps parsed statements by SQL text itself (and measured no
			// better with these). A connection handed back to an outside pool loses its statements, so EclipseLink pools the data
			// source's connections itself: two per turn, all kept open, as for PostgreSQL (a read-only query inside a transaction
			// takes a second connection)
			String connections = Integer.toString(2 * Math.max(transactions, 1));
			properties.put("eclipselink.connection-pool.force-internal-pool", "true");
			properties.put("eclipselink.connection-pool.default.min", connections);
			properties.put("eclipselink.connection-pool.default.max", connections);
			properties.put("eclipselink.jdbc.cache-statements", "true");
			properties.put("eclipselink.jdbc.cache-statements.size", Integer.toString(STATEMENTS_KEPT));
		}
		this.factory = EntityManagerFactories.open("outpost-server", dataSource, ENTITIES,
				dataSource != null ? EntityManagerFactories.HSQLDB : EntityManagerFactories.POSTGRESQL, properties);
		new DeclaredIndexes(ENTITIES).createMissing(this);
		createCounter();
		serverId = identity();
	}

	/**
	 * The embedded store: an HSQLDB database in {@code folder}, created when missing.
	 *
	 * @param transactions most transactions at once; more wait their turn
	 */
	public static ServerStore embedded(Path folder, int transactions) {
		Path path = folder.toAbsolutePath().resolve("outpost-server");
		DataSource database;
		try {
			database = EntityManagerFactories.hsqldbIn(path, cacheKilobytes());
		} catch (SQLException e) {
			throw new PersistenceException("Could not open the database in " + folder + ": " + e.getMessage(), e);
		}
		return new ServerStore(database, folder.toAbsolutePath().toString(), Map.of(), transactions);
	}

	/** An eighth of the heap for HSQLDB's row cache (128 MB of rows with the start script's 1 GB). */
	private static int cacheKilobytes() {
		return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 8 / 1024);
	}

	/**
	 * A PostgreSQL database, e.g. {@code jdbc:postgresql://localhost:5432/outpost}.
	 *
	 * @param transactions most transactions at once; more wait their turn
	 */
	public static ServerStore postgresql(String jdbcUrl, String user, String password, int transactions) {
		// EclipseLink pools the connections (its internal pool) when it gets JDBC settings instead of a DataSource. Two per turn: a
		// read-only query (the directory's) inside a transaction takes a second connection from the same pool, and with one per
		// turn every turn's transaction held one and waited for another (a login burst hung the server until the pool's timeout)
		return new ServerStore(null, jdbcUrl, Map.of("jakarta.persistence.jdbc.driver", "org.postgresql.Driver", "jakarta.persistence.jdbc.url",
				jdbcUrl, "jakarta.persistence.jdbc.user", user, "jakarta.persistence.jdbc.password", password,
				"eclipselink.connection-pool.default.max", Integer.toString(2 * Math.max(transactions, 1))), transactions);
	}

	private void createCounter() {
		try {
			write(em -> {
				if (em.find(ChangeCounter.class, ChangeCounter.CHANGES) == null) {
					em.persist(new ChangeCounter(ChangeCounter.CHANGES));
				}
				return null;
			});
		} catch (PersistenceException e) {
			// another server instance created it at the same moment
			if (read(em -> em.find(ChangeCounter.class, ChangeCounter.CHANGES)) == null) {
				throw e;
			}
		}
	}

	/** The id of this database, made with it; another instance serving it reads the same. */
	private String identity() {
		try {
			return write(em -> {
				ServerIdentity kept = em.find(ServerIdentity.class, ServerIdentity.THIS_SERVER);
				if (kept != null) {
					return kept.getServerId();
				}
				ServerIdentity made = ServerIdentity.newOne();
				em.persist(made);
				return made.getServerId();
			});
		} catch (PersistenceException e) {
			// another server instance made it at the same moment
			ServerIdentity made = read(em -> em.find(ServerIdentity.class, ServerIdentity.THIS_SERVER));
			if (made == null) {
				throw e;
			}
			return made.getServerId();
		}
	}

	/** The server's id (hello's {@code serverId}): the same for every instance on this database, across restarts. */
	public String serverId() {
		return serverId;
	}

	public <R> R read(Function<EntityManager, R> work) {
		awaitTurn();
		try {
			return EntityManagerFactories.read(factory, work);
		} finally {
			turns.release();
		}
	}

	/** One transaction: all of {@code work} or nothing. */
	public <R> R write(Function<EntityManager, R> work) {
		awaitTurn();
		WriteLocks.Held outer = HELD.get();
		WriteLocks.Held held = locks == null ? null : locks.new Held();
		HELD.set(held);
		try {
			return EntityManagerFactories.write(factory, work);
		} finally {
			// the transaction has committed or rolled back: its locks go only now, as a database's row locks would
			HELD.set(outer);
			if (held != null) {
				held.release();
			}
			turns.release();
		}
	}

	private void awaitTurn() {
		try {
			turns.acquire();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PersistenceException("Interrupted while waiting for the database", e);
		}
	}

	/**
	 * Like {@link #write}, tried again when the database refused it for a concurrent transaction:
	 * two pushes creating the same record id or replaying the same mutation id at once (the second
	 * commit breaks a primary key; tried again, it finds the first one's rows), or a deadlock
	 * between row locks. {@code work} must be safe to run again (it is: nothing of a failed attempt stays).
	 */
	public <R> R writeRetrying(Function<EntityManager, R> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return write(work);
			} catch (PersistenceException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	/**
	 * Like {@link #writeRetrying}, and committed together with the writes
	 * that arrive while another is being committed ({@link GroupCommits}): one commit for several.
	 * {@code work} runs in a transaction shared with other writers' work, one after the other, so it
	 * must lock what it changes with {@link RecordRows#lockAndRead} (which a later member of a group
	 * takes only when free) before it writes anything, and must not read the change counter (it would count numbers that earlier
	 * members took and that are not committed yet).
	 */
	public <R> R writeGrouped(Function<EntityManager, R> work) {
		return groups.write(work);
	}

	/**
	 * Marks the work this thread runs next as a member of a group ({@link GroupCommits}): a later
	 * one ({@code later}) takes only locks that are free ({@link RecordsBusy}); null ends it.
	 */
	static void groupMember(Boolean later) {
		GROUP_MEMBER.set(later);
	}

	/** The work on this thread is a member of a group: it may lock records more than once in its transaction. */
	static boolean inGroup() {
		return GROUP_MEMBER.get() != null;
	}

	/** The work on this thread is a later member of a group: it must not wait for a lock. */
	static boolean laterGroupMember() {
		return Boolean.TRUE.equals(GROUP_MEMBER.get());
	}

	/**
	 * Locks these records (those that exist, and on the embedded store also ids not yet taken) for
	 * the caller's transaction, so no other writer changes them until it ends. Take them once, before
	 * {@link #takeRevisions}: every writer locks in that order, so they cannot deadlock on the counter.
	 */
	public static void lockRecords(EntityManager em, Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		if (lockInProcess(ids)) {
			return;
		}
		List<String> sorted = ids.stream().distinct().sorted().toList();
		// in slices, as a bulk load may name more records than PostgreSQL takes parameters in one statement (65,535)
		for (List<String> slice : slices(sorted)) {
			StringBuilder sql = new StringBuilder("UPDATE OP_RECORD SET REV = REV WHERE ID IN (");
			for (int i = 1; i <= slice.size(); i++) {
				sql.append(i == 1 ? "?" : ", ?").append(i);
			}
			Query update = em.createNativeQuery(sql.append(')').toString());
			for (int i = 0; i < slice.size(); i++) {
				update.setParameter(i + 1, slice.get(i));
			}
			update.executeUpdate();
		}
	}

	/** A list cut into consecutive slices of at most {@value #SLICE} elements, for statements with one parameter per element. */
	public static <T> List<List<T>> slices(List<T> elements) {
		List<List<T>> slices = new ArrayList<>();
		for (int from = 0; from < elements.size(); from += SLICE) {
			slices.add(elements.subList(from, Math.min(elements.size(), from + SLICE)));
		}
		return slices;
	}

	/** On the embedded store, takes these records' locks in this process ({@link #lockRecords}); false where the database locks rows. */
	static boolean lockInProcess(Collection<String> ids) {
		WriteLocks.Held held = HELD.get();
		if (held == null) {
			return false;
		}
		held.records(ids);
		return true;
	}

	/**
	 * Takes {@code count} sequence numbers from the change counter for the caller's transaction.
	 * The counter's row stays locked until that transaction ends, so numbers commit in the order
	 * they were taken, also across server instances: a reader that saw number n never later finds
	 * a smaller one appear. Every other writer waits for that lock, so take it last, just before
	 * the commit, with everything else already decided.
	 */
	public static Revisions takeRevisions(EntityManager em, int count) {
		WriteLocks.Held held = HELD.get();
		if (held != null) {
			// the embedded store's writers wait here, in the server, so none waits for the row's lock in HSQLDB
			held.counter();
		}
		// the transaction's own connection (unwrapping it begins the transaction on it): the numbers and the lock belong to this transaction
		Connection connection = em.unwrap(Connection.class);
		try {
			long last;
			if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
				// one statement instead of two: every push waits for this row's lock, so each round trip under it counts
				try (PreparedStatement take = connection.prepareStatement("UPDATE OP_COUNTER SET CVALUE = CVALUE + ? WHERE NAME = ? RETURNING CVALUE")) {
					take.setInt(1, count);
					take.setString(2, ChangeCounter.CHANGES);
					last = single(take);
				}
			} else {
				// HSQLDB has no UPDATE ... RETURNING
				try (PreparedStatement add = connection.prepareStatement("UPDATE OP_COUNTER SET CVALUE = CVALUE + ? WHERE NAME = ?");
						PreparedStatement read = connection.prepareStatement("SELECT CVALUE FROM OP_COUNTER WHERE NAME = ?")) {
					add.setInt(1, count);
					add.setString(2, ChangeCounter.CHANGES);
					add.executeUpdate();
					read.setString(1, ChangeCounter.CHANGES);
					last = single(read);
				}
			}
			return new Revisions(last - count, last);
		} catch (SQLException e) {
			throw new PersistenceException("Could not take sequence numbers from the change counter: " + e.getMessage(), e);
		}
	}

	private static long single(PreparedStatement query) throws SQLException {
		try (ResultSet result = query.executeQuery()) {
			if (!result.next()) {
				throw new SQLException("The change counter row is missing");
			}
			return result.getLong(1);
		}
	}

	/** Sequence numbers taken under the counter's lock in one transaction. */
	public static final class Revisions {
		private long next;
		private final long last;

		private Revisions(long before, long last) {
			this.next = before + 1;
			this.last = last;
		}

		public long next() {
			if (next > last) {
				throw new IllegalStateException("More sequence numbers used than taken");
			}
			return next++;
		}
	}

	/** The last change sequence number handed out. */
	public long lastRevision() {
		return read(ServerStore::lastCommittedRevision);
	}

	/**
	 * The change counter as committed: every change with a sequence number up to it is committed and
	 * visible (a writer holds the counter's lock from taking its numbers to its commit).
	 */
	public static long lastCommittedRevision(EntityManager em) {
		return ((Number) em.createNativeQuery("SELECT CVALUE FROM OP_COUNTER WHERE NAME = ?1").setParameter(1, ChangeCounter.CHANGES)
				.getSingleResult()).longValue();
	}

	/** Where the data lives: a folder or a JDBC URL. */
	public String location() {
		return location;
	}

	@Override
	public void close() {
		factory.close();
		if (dataSource != null) {
			try {
				EntityManagerFactories.shutDownHsqldb(dataSource);
			} catch (SQLException e) {
				ILog.of(ServerStore.class).warn("The server database did not shut down cleanly: " + e.getMessage());
			}
		}
	}
}
