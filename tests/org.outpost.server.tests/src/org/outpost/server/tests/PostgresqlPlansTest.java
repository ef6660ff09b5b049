package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.server.ServerConfig;
import org.outpost.server.internal.store.RecordRows;
import org.outpost.server.internal.store.ServerStore;

/**
 * The push's lookups by many ids (the mutation log, the records it locks, the documents attached to them) are planned for their
 * ids on every call: PostgreSQL never caches a plan made for any ids, which a new database's small
 * tables had turned into a sequential scan kept for every later push (docs/benchmarks.md). Runs in
 * the PostgreSQL pass of the suite (scripts/test-postgresql.sh); HSQLDB caches no such plans.
 */
class PostgresqlPlansTest {

	/** After five runs of a statement the driver prepares it on the server, and after five more PostgreSQL may keep a plan for any parameters. */
	private static final int RUNS = 20;

	@TempDir
	Path folder;

	@Test
	@EnabledIfSystemProperty(named = TestStores.POSTGRESQL, matches = ".+", disabledReason = "PostgreSQL's plan cache; the suite's PostgreSQL pass runs this")
	void lookupsByManyIdsAreNeverRunOnAPlanCachedForAnyIds() {
		ServerConfig config = TestStores.fresh(folder);
		try (ServerStore store = ServerStore.postgresql(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), 1)) {
			List<String> ids = List.of("a", "b", "c");
			store.write(em -> {
				for (int i = 0; i < RUNS; i++) {
					assertTrue(RecordRows.logged(em, ids).isEmpty());
					assertTrue(RecordRows.attachedTo(em, ids).isEmpty());
					assertTrue(RecordRows.lockAndRead(em, ids).isEmpty());
				}
				Connection connection = em.unwrap(Connection.class);
				// the control: a statement prepared as the driver does by default is kept, on its generic plan, on this connection
				for (int i = 0; i < RUNS; i++) {
					query(connection, "SELECT MUTATION_ID FROM OP_MUTATION WHERE MUTATION_ID = ANY(?)", ids);
				}
				assertEquals(1, genericPlans(connection, "SELECT MUTATION_ID FROM OP_MUTATION WHERE MUTATION_ID = ANY($1)"), "the control");
				assertEquals(0, genericPlans(connection, "SELECT MUTATION_ID, USER_NAME%"), "the mutation log's lookup");
				assertEquals(0, genericPlans(connection, "%ATTACHED_TO = ANY($1)%"), "the attached records' lookup");
				assertEquals(0, genericPlans(connection, "%FOR UPDATE%"), "the records' lock");
				return null;
			});
		}
	}

	private static void query(Connection connection, String sql, List<String> ids) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					// nothing stored; the run is what counts
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** How many of this connection's statements kept on the server that match {@code like} have run on a generic plan. */
	private static int genericPlans(Connection connection, String like) {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE ? AND generic_plans > 0")) {
			statement.setString(1, like);
			try (ResultSet count = statement.executeQuery()) {
				count.next();
				return count.getInt(1);
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
