package org.outpost.server.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.outpost.server.ServerConfig;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where test servers keep their data: the embedded HSQLDB in a test folder, or, when the system
 * property {@value #POSTGRESQL} names a PostgreSQL server (scripts/test-postgresql.sh sets it), a
 * fresh database there for each call, so the same tests run on both.
 */
final class TestStores {

	/** {@code jdbc:postgresql://host:port/} of a server where the test user may create databases. */
	static final String POSTGRESQL = "outpost.test.postgresql";

	private TestStores() {
	}

	static boolean onPostgresql() {
		return System.getProperty(POSTGRESQL) != null;
	}

	/** A server configuration on a free port over a new, empty store. */
	static ServerConfig fresh(Path folder) {
		ServerConfig embedded = ServerConfig.defaults(folder).withPort(0);
		String server = System.getProperty(POSTGRESQL);
		if (server == null) {
			return embedded;
		}
		String user = System.getProperty(POSTGRESQL + ".user", "outpost");
		String password = System.getProperty(POSTGRESQL + ".password", "outpost");
		String database = "outpost_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(server + "postgres");
		admin.setUser(user);
		admin.setPassword(password);
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot create a test database on " + server + ": " + e.getMessage(), e);
		}
		return embedded.withDatabase(server + database, user, password);
	}
}
