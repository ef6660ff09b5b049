package org.outpost.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.jdbc.JDBCPool;
import org.hsqldb.persist.LockFile;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.outpost.persistence.internal.ContributorClassLoader;
import org.outpost.persistence.internal.OutpostPersistenceUnit;
import org.outpost.persistence.internal.SchemaExtensionLog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/**
 * Opens and uses an EclipseLink EntityManagerFactory inside OSGi without Gemini: the persistence
 * unit is described in code, its classes come from the bundles that define them, and one class
 * loader reaches those bundles and EclipseLink. The desktop's local database and the server's
 * store both own their factory this way.
 */
public final class EntityManagerFactories {

	/** EclipseLink's names of the databases Outpost runs on. */
	public static final String HSQLDB = "HSQL";
	public static final String POSTGRESQL = "PostgreSQL";

	private static final int MAX_POOLED_CONNECTIONS = 200;

	private EntityManagerFactories() {
	}

	/**
	 * Opens a factory over {@code dataSource}, creating or extending the tables of
	 * {@code entityClasses}, and opens one connection so that a locked or unreachable database
	 * fails here rather than at first use.
	 *
	 * @param targetDatabase {@link #HSQLDB} or {@link #POSTGRESQL}
	 */
	public static EntityManagerFactory open(String unitName, DataSource dataSource, List<Class<?>> entityClasses, String targetDatabase) {
		return open(unitName, dataSource, entityClasses, targetDatabase, Map.of());
	}

	/**
	 * Like {@link #open(String, DataSource, List, String)}, with more EclipseLink properties. With
	 * a null {@code dataSource} and {@code jakarta.persistence.jdbc.*} properties EclipseLink pools
	 * the connections itself; the driver class is loaded through the entity classes' bundles.
	 */
	public static EntityManagerFactory open(String unitName, DataSource dataSource, List<Class<?>> entityClasses, String targetDatabase,
			Map<String, String> moreProperties) {
		Set<Bundle> bundles = new LinkedHashSet<>();
		for (Class<?> type : entityClasses) {
			bundles.add(Objects.requireNonNull(FrameworkUtil.getBundle(type), () -> type + " does not come from a bundle"));
		}
		ClassLoader loader = new ContributorClassLoader(bundles, EntityManagerFactories.class.getClassLoader());
		Properties properties = new Properties();
		properties.put("eclipselink.classloader", loader);
		properties.put("eclipselink.weaving", "false");
		properties.put("eclipselink.ddl-generation", "create-or-extend-tables");
		properties.put("eclipselink.ddl-generation.output-mode", "database");
		properties.put("eclipselink.jdbc.batch-writing", "JDBC");
		properties.put("eclipselink.logging.level", "WARNING");
		// extending existing tables re-issues their foreign keys, which the database refuses harmlessly on every start: not logged
		properties.put("eclipselink.logging.logger", SchemaExtensionLog.class.getName());
		properties.put("eclipselink.logging.level.ddl", "SEVERE");
		properties.put("eclipselink.logging.level.sql", "SEVERE");
		properties.put("eclipselink.target-database", targetDatabase);
		properties.putAll(moreProperties);

		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			OutpostPersistenceUnit unit = new OutpostPersistenceUnit(unitName, dataSource, entityClasses, loader, properties);
			EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, Map.of());
			try {
				factory.createEntityManager().close();
			} catch (RuntimeException e) {
				factory.close();
				throw e;
			}
			return factory;
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * An HSQLDB file database at {@code path} (a folder plus the database's file name prefix).
	 * Cached tables keep large tables on disk rather than in the heap; MVCC lets one transaction
	 * write while others read. The connections are pooled (without a pool HSQLDB syncs its log when
	 * the last connection closes, after every query); each commit is synced to disk instead.
	 */
	public static DataSource hsqldbIn(Path path) {
		// connections are made when first needed; as many as the server's default HTTP threads
		JDBCPool pool = new JDBCPool(MAX_POOLED_CONNECTIONS);
		pool.setUrl(hsqldbUrl(path));
		pool.setUser("SA");
		pool.setPassword("");
		return pool;
	}

	/**
	 * Whether a live process holds the HSQLDB database at {@code path} open: its lock file's
	 * heartbeat stays fresh. A process killed just now left a fresh heartbeat too, which goes stale
	 * within a heartbeat interval, so a fresh one is watched that long (about ten seconds) before
	 * it counts as held. Opening a held database instead waits for the lock without end.
	 */
	public static boolean hsqldbHeldByAnother(Path path) {
		String lock = path + ".lck";
		long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LockFile.HEARTBEAT_INTERVAL_PADDED + 500);
		while (LockFile.isLocked(lock)) {
			if (System.nanoTime() - giveUp > 0) {
				return true;
			}
			try {
				Thread.sleep(250);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return true;
			}
		}
		return false;
	}

	private static String hsqldbUrl(Path path) {
		// write_delay=false: every commit reaches the disk before it returns; a killed process loses no committed page or edit
		return "jdbc:hsqldb:file:" + path + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;hsqldb.write_delay=false";
	}

	/**
	 * Like {@link #hsqldbIn(Path)}, with a row cache of its cached tables of at most {@code cacheKilobytes} of rows (their size
	 * in the data file) instead of HSQLDB's 10,000 KB and 50,000 rows. HSQLDB sizes its cache only when it opens a database, so
	 * when the database holds other sizes they are set and it is shut down once, here, before the pool opens it again.
	 */
	public static DataSource hsqldbIn(Path path, int cacheKilobytes) throws SQLException {
		// as many rows as the kilobytes allow at 100 bytes a row (HSQLDB's default allows 200): the size is what bounds the cache
		long rows = Math.min(Integer.MAX_VALUE, cacheKilobytes * 10L);
		// a connection of its own: a pool would keep it after the shutdown, closed
		JDBCDataSource plain = new JDBCDataSource();
		plain.setUrl(hsqldbUrl(path));
		plain.setUser("SA");
		plain.setPassword("");
		try (Connection connection = plain.getConnection(); Statement statement = connection.createStatement()) {
			if (hsqldbProperty(statement, "hsqldb.cache_size") != cacheKilobytes || hsqldbProperty(statement, "hsqldb.cache_rows") != rows) {
				statement.execute("SET FILES CACHE SIZE " + cacheKilobytes);
				statement.execute("SET FILES CACHE ROWS " + rows);
				statement.execute("SHUTDOWN");
			}
		}
		return hsqldbIn(path);
	}

	private static long hsqldbProperty(Statement statement, String name) throws SQLException {
		try (ResultSet result = statement.executeQuery(
				"SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = '" + name + "'")) {
			return result.next() ? Long.parseLong(result.getString(1)) : -1;
		}
	}

	/** Shuts an HSQLDB database down, releasing its file lock for the next start or another process. */
	public static void shutDownHsqldb(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		if (dataSource instanceof JDBCPool pool) {
			pool.close(0);
		}
	}

	/** Runs read-only work with a fresh EntityManager that is closed afterwards. */
	public static <R> R read(EntityManagerFactory factory, Function<EntityManager, R> work) {
		EntityManager em = factory.createEntityManager();
		try {
			return work.apply(em);
		} finally {
			em.close();
		}
	}

	/**
	 * Runs work in ONE transaction: committed when {@code work} returns, rolled back entirely
	 * when it throws (the exception is rethrown).
	 */
	public static <R> R write(EntityManagerFactory factory, Function<EntityManager, R> work) {
		EntityManager em = factory.createEntityManager();
		EntityTransaction transaction = em.getTransaction();
		try {
			transaction.begin();
			R result = work.apply(em);
			transaction.commit();
			return result;
		} finally {
			if (transaction.isActive()) {
				transaction.rollback();
			}
			em.close();
		}
	}
}
