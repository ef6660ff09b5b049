package org.outpost.server.internal.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.eclipse.core.runtime.ILog;
import org.outpost.persistence.EntityManagerFactories;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

/**
 * The server's system of record: owns its EntityManagerFactory the way the desktop owns its
 * own ({@link EntityManagerFactories}), over an HSQLDB folder (the zero set-up default) or
 * PostgreSQL. No state lives here besides the factory, so several servers can share one database.
 */
public final class ServerStore implements AutoCloseable {

	static final List<Class<?>> ENTITIES = List.of(StoredRecord.class, ChangeCounter.class, MutationLogEntry.class, Device.class,
			Credential.class, DeviceToken.class, StoredBlob.class, BlobChunk.class);

	/** The embedded HSQLDB; null for PostgreSQL, whose connections EclipseLink opens itself. */
	private final DataSource dataSource;
	private final String location;
	private final EntityManagerFactory factory;

	private ServerStore(DataSource dataSource, String location, Map<String, String> connection) {
		this.dataSource = dataSource;
		this.location = location;
		Map<String, String> properties = new HashMap<>(connection);
		// no shared cache: another server instance, or the admin command line, may change any row; every read goes to the database
		properties.put("eclipselink.cache.shared.default", "false");
		// EclipseLink shares one session per unit name in a JVM: each store (two instances in a test, say) gets its own
		properties.put("eclipselink.session-name", "outpost-server-" + UUID.randomUUID());
		this.factory = EntityManagerFactories.open("outpost-server", dataSource, ENTITIES,
				dataSource != null ? EntityManagerFactories.HSQLDB : EntityManagerFactories.POSTGRESQL, properties);
		createCounter();
	}

	/** The embedded store: an HSQLDB database in {@code folder}, created when missing. */
	public static ServerStore embedded(Path folder) {
		Path path = folder.toAbsolutePath().resolve("outpost-server");
		return new ServerStore(EntityManagerFactories.hsqldbIn(path), folder.toAbsolutePath().toString(), Map.of());
	}

	/** A PostgreSQL database, e.g. {@code jdbc:postgresql://localhost:5432/outpost}. */
	public static ServerStore postgresql(String jdbcUrl, String user, String password) {
		// EclipseLink pools the connections (its internal pool) when it gets JDBC settings instead of a DataSource
		return new ServerStore(null, jdbcUrl, Map.of("jakarta.persistence.jdbc.driver", "org.postgresql.Driver", "jakarta.persistence.jdbc.url",
				jdbcUrl, "jakarta.persistence.jdbc.user", user, "jakarta.persistence.jdbc.password", password,
				"eclipselink.connection-pool.default.max", "32"));
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

	public <R> R read(Function<EntityManager, R> work) {
		return EntityManagerFactories.read(factory, work);
	}

	/** One transaction: all of {@code work} or nothing. */
	public <R> R write(Function<EntityManager, R> work) {
		return EntityManagerFactories.write(factory, work);
	}

	/**
	 * Locks the change counter for the caller's transaction and hands out sequence numbers from
	 * it. The row stays locked until that transaction ends, so numbers commit in the order they
	 * were taken, and writers (also in other server instances) run one after the other: a push
	 * locks first, before it reads anything, so a replayed mutation id is always seen by the second
	 * push. Call {@link Revisions#save} before the transaction commits.
	 */
	public static Revisions lockRevisions(EntityManager em) {
		em.createNativeQuery("UPDATE OP_COUNTER SET CVALUE = CVALUE WHERE NAME = ?1").setParameter(1, ChangeCounter.CHANGES).executeUpdate();
		long last = ((Number) em.createNativeQuery("SELECT CVALUE FROM OP_COUNTER WHERE NAME = ?1").setParameter(1, ChangeCounter.CHANGES)
				.getSingleResult()).longValue();
		return new Revisions(last);
	}

	/** Sequence numbers taken under the counter's lock in one transaction. */
	public static final class Revisions {
		private final long first;
		private long last;

		private Revisions(long last) {
			this.first = last;
			this.last = last;
		}

		public long next() {
			return ++last;
		}

		/** Writes the last number taken back to the counter (in the same transaction). */
		public void save(EntityManager em) {
			if (last != first) {
				em.createNativeQuery("UPDATE OP_COUNTER SET CVALUE = ?1 WHERE NAME = ?2").setParameter(1, last)
						.setParameter(2, ChangeCounter.CHANGES).executeUpdate();
			}
		}
	}

	/** The last change sequence number handed out. */
	public long lastRevision() {
		return read(em -> ((Number) em.createNativeQuery("SELECT CVALUE FROM OP_COUNTER WHERE NAME = ?1")
				.setParameter(1, ChangeCounter.CHANGES).getSingleResult()).longValue());
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
