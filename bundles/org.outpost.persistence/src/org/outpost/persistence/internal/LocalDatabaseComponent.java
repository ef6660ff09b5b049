package org.outpost.persistence.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.hsqldb.jdbc.JDBCDataSource;
import org.outpost.persistence.LocalDatabase;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/**
 * The DS component that owns the runtime's one EntityManagerFactory: EclipseLink over an HSQLDB
 * file database in the instance location (or in {@value #DATABASE_DIR_PROPERTY} when set).
 */
public final class LocalDatabaseComponent implements LocalDatabase {

	/** System property: the folder of the local database, overriding the instance location. */
	public static final String DATABASE_DIR_PROPERTY = "outpost.database.dir";

	private IExtensionRegistry extensionRegistry;
	private Location instanceLocation;

	private JDBCDataSource dataSource;
	private EntityManagerFactory factory;
	private List<Class<?>> entityClasses;
	private Path folder;

	void setExtensionRegistry(IExtensionRegistry registry) {
		this.extensionRegistry = registry;
	}

	void setInstanceLocation(Location location) {
		this.instanceLocation = location;
	}

	void activate() {
		folder = databaseFolder();
		EntityContributions contributions = new EntityContributions(extensionRegistry);
		entityClasses = contributions.classes();

		dataSource = new JDBCDataSource();
		// cached tables keep large registers on disk rather than in the heap; MVCC lets a sync write while the UI reads
		dataSource.setURL("jdbc:hsqldb:file:" + folder.resolve("outpost") + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc");
		dataSource.setUser("SA");
		dataSource.setPassword("");

		ClassLoader loader = new ContributorClassLoader(contributions.bundles(), LocalDatabaseComponent.class.getClassLoader());
		Properties properties = new Properties();
		properties.put("eclipselink.classloader", loader);
		properties.put("eclipselink.weaving", "false");
		properties.put("eclipselink.ddl-generation", "create-or-extend-tables");
		properties.put("eclipselink.ddl-generation.output-mode", "database");
		properties.put("eclipselink.jdbc.batch-writing", "JDBC");
		properties.put("eclipselink.logging.level", "WARNING");
		properties.put("eclipselink.target-database", "HSQL");

		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			OutpostPersistenceUnit unit = new OutpostPersistenceUnit(dataSource, entityClasses, loader, properties);
			factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, Map.of());
			// open now: a locked or damaged database must fail here, with its reason, not in the first screen that reads
			factory.createEntityManager().close();
		} catch (RuntimeException e) {
			close();
			throw new IllegalStateException("Cannot open the local database in " + folder + ": " + rootMessage(e), e);
		} finally {
			thread.setContextClassLoader(previous);
		}
		ILog.of(LocalDatabaseComponent.class).info("Local database open in " + folder + " with " + entityClasses.size() + " entity classes");
	}

	void deactivate() {
		close();
	}

	private void close() {
		if (factory != null) {
			factory.close();
			factory = null;
		}
		if (dataSource != null) {
			// release HSQLDB's file lock so the next start (or another process) can open the database
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			} catch (SQLException e) {
				ILog.of(LocalDatabaseComponent.class).warn("The local database did not shut down cleanly: " + e.getMessage());
			}
			dataSource = null;
		}
	}

	@Override
	public <R> R read(Function<EntityManager, R> work) {
		EntityManager em = open().createEntityManager();
		try {
			return work.apply(em);
		} finally {
			em.close();
		}
	}

	@Override
	public <R> R write(Function<EntityManager, R> work) {
		EntityManager em = open().createEntityManager();
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

	@Override
	public List<Class<?>> entityClasses() {
		return entityClasses;
	}

	@Override
	public String location() {
		return folder.toString();
	}

	private EntityManagerFactory open() {
		EntityManagerFactory current = factory;
		if (current == null) {
			throw new IllegalStateException("The local database is closed");
		}
		return current;
	}

	private Path databaseFolder() {
		String configured = System.getProperty(DATABASE_DIR_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		if (instanceLocation == null || instanceLocation.getURL() == null) {
			throw new IllegalStateException("No place for the local database: start Outpost with a data folder (-data) or set -D"
					+ DATABASE_DIR_PROPERTY);
		}
		URL url = instanceLocation.getURL();
		try {
			return new File(url.toURI()).toPath().resolve("database");
		} catch (URISyntaxException | IllegalArgumentException e) {
			// Equinox gives file: URLs with unescaped spaces; take the path as it is
			return Path.of(url.getPath()).resolve("database");
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
