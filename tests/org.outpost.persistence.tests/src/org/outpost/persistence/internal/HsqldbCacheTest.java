package org.outpost.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.outpost.persistence.EntityManagerFactories;

/** A database opened with a row cache size keeps it, and another size given at a later opening replaces it. */
class HsqldbCacheTest {

	@Test
	void theCacheSizeGivenIsTheDatabasesAndANewOneReplacesIt() throws Exception {
		Path database = Files.createTempDirectory("hsqldb-cache").resolve("db");
		DataSource first = EntityManagerFactories.hsqldbIn(database, 2048);
		assertEquals("2048", property(first, "hsqldb.cache_size"));
		assertEquals("20480", property(first, "hsqldb.cache_rows"));
		EntityManagerFactories.shutDownHsqldb(first);

		DataSource second = EntityManagerFactories.hsqldbIn(database, 4096);
		try {
			assertEquals("4096", property(second, "hsqldb.cache_size"));
			assertEquals("40960", property(second, "hsqldb.cache_rows"));
		} finally {
			EntityManagerFactories.shutDownHsqldb(second);
		}
	}

	private static String property(DataSource database, String name) throws Exception {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = '" + name + "'")) {
			result.next();
			return result.getString(1);
		}
	}
}
