package org.outpost.persistence.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.service.datalocation.Location;
import org.outpost.persistence.EntityManagerFactories;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.LocalDatabaseUnavailable;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The DS component that owns the runtime's one EntityManagerFactory: EclipseLink over an HSQLDB
 * file database in the instance location (or in {@value #DATABASE_DIR_PROPERTY} when set).
 */
public final class LocalDatabaseComponent implements LocalDatabase {

	/** System property: the folder of the local database, overriding the instance location. */
	public static final String DATABASE_DIR_PROPERTY = "outpost.database.dir";

	/** HSQLDB's error code (ErrorCode.LOCK_FILE_ACQUISITION_FAILURE; negative in a JDBC SQLException). */
	private static final int HSQLDB_LOCK_FAILURE = 451;

	private IExtensionRegistry extensionRegistry;
	private Location instanceLocation;

	private DataSource dataSource;
	private EntityManagerFactory factory;
	private List<Class<?>> entityClasses;
	private Path folder;

	void setExtensionRegistry(IExtensionRegistry registry) {
		this.extensionRegistry = registry;
	}

	/**
	 * HSQLDB compiles a statement's SQL every time it is prepared; EclipseLink keeps prepared statements per connection
	 * instead, on connections it pools itself (one handed back to an outside pool loses its statements). Four stay open: the
	 * sync's transaction, the read-only query inside it, and the registers' reads; more are opened when needed and closed
	 * after.
	 */
	private static final Map<String, String> STATEMENTS_KEPT_PER_CONNECTION = Map.of("eclipselink.connection-pool.force-internal-pool", "true",
			"eclipselink.connection-pool.default.min", "4", "eclipselink.connection-pool.default.max", "32", "eclipselink.jdbc.cache-statements", "true",
			"eclipselink.jdbc.cache-statements.size", "200");

	void setInstanceLocation(Location location) {
		this.instanceLocation = location;
	}

	void activate() {
		folder = databaseFolder();
		entityClasses = new EntityContributions(extensionRegistry).classes();

		Path database = folder.resolve("outpost");
		if (EntityManagerFactories.hsqldbHeldByAnother(database)) {
			throw new LocalDatabaseUnavailable(inUse(), null);
		}
		dataSource = EntityManagerFactories.hsqldbIn(database);

		try {
			factory = EntityManagerFactories.open("outpost", dataSource, entityClasses, EntityManagerFactories.HSQLDB, STATEMENTS_KEPT_PER_CONNECTION);
		} catch (RuntimeException e) {
			// a damaged database fails here, with its reason, not in the first screen that reads; so does one another process
			// took between the check above and this open
			boolean locked = lockedByAnother(e);
			if (locked) {
				// nothing of it is open here; a shutdown would wait for the lock again
				dataSource = null;
			} else {
				close();
			}
			throw new LocalDatabaseUnavailable(locked ? inUse() : "Cannot open the local database in " + folder + ": " + rootMessage(e), e);
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
			try {
				EntityManagerFactories.shutDownHsqldb(dataSource);
			} catch (SQLException e) {
				ILog.of(LocalDatabaseComponent.class).warn("The local database did not shut down cleanly: " + e.getMessage());
			}
			dataSource = null;
		}
	}

	@Override
	public <R> R read(Function<EntityManager, R> work) {
		return EntityManagerFactories.read(open(), work);
	}

	@Override
	public <R> R write(Function<EntityManager, R> work) {
		return EntityManagerFactories.write(open(), work);
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

	private String inUse() {
		return "The local database in " + folder + " is open in another Outpost program (the desktop, or an outpost command) on the same"
				+ " data. Close that program, then try again; nothing was changed.";
	}

	/** HSQLDB's "Database lock acquisition failure": another process holds the database's lock file. */
	private static boolean lockedByAnother(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && Math.abs(sql.getErrorCode()) == HSQLDB_LOCK_FAILURE) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
