package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.server.ServerConfig;
import org.outpost.server.internal.store.ServerStore;

/**
 * A database made by an older build lacks the indexes declared since (EclipseLink's schema
 * extension adds columns, not indexes): the store creates them when it opens, on HSQLDB and on
 * PostgreSQL alike.
 */
class MissingIndexesTest {

	@TempDir
	Path folder;

	private static ServerStore open(ServerConfig config) {
		return config.jdbcUrl() == null ? ServerStore.embedded(config.dataDir(), 2)
				: ServerStore.postgresql(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), 2);
	}

	/** The names of the record table's indexes, upper case (PostgreSQL keeps unquoted names in lower case). */
	private static Set<String> recordIndexes(ServerStore store) {
		return store.write(em -> {
			Set<String> names = new HashSet<>();
			Connection connection = em.unwrap(Connection.class);
			for (String table : new String[] { "OP_RECORD", "op_record" }) {
				try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
					while (indexes.next()) {
						names.add(indexes.getString("INDEX_NAME").toUpperCase());
					}
				} catch (SQLException e) {
					throw new IllegalStateException(e);
				}
			}
			return names;
		});
	}

	@Test
	void anIndexMissingFromAnExistingDatabaseIsCreatedWhenTheStoreOpens() {
		ServerConfig config = TestStores.fresh(folder);
		try (ServerStore made = open(config)) {
			assertTrue(recordIndexes(made).containsAll(Set.of("OP_RECORD_ATTACHED", "OP_RECORD_BLOB", "OP_RECORD_TYPE_REV", "OP_RECORD_TYPE_ID")), recordIndexes(made).toString());
			made.write(em -> em.createNativeQuery("DROP INDEX OP_RECORD_ATTACHED").executeUpdate());
			made.write(em -> em.createNativeQuery("DROP INDEX OP_RECORD_BLOB").executeUpdate());
			made.write(em -> em.createNativeQuery("DROP INDEX OP_RECORD_TYPE_ID").executeUpdate());
			assertFalse(recordIndexes(made).contains("OP_RECORD_ATTACHED"), "dropped, as in a database from before the index");
		}

		Set<String> indexes;
		try (ServerStore reopened = open(config)) {
			indexes = recordIndexes(reopened);
			assertTrue(indexes.contains("OP_RECORD_ATTACHED"), indexes.toString());
			assertTrue(indexes.contains("OP_RECORD_BLOB"), indexes.toString());
			// the initial snapshot's (type, id) index, declared after the others
			assertTrue(indexes.contains("OP_RECORD_TYPE_ID"), indexes.toString());
		}
		try (ServerStore again = open(config)) {
			assertEquals(indexes, recordIndexes(again), "opening a database that has every index changes nothing");
		}
	}
}
