package org.outpost.sync.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.outpost.persistence.EntityManagerFactories;

/**
 * The floor the initial sync is compared with: the rows the sync wrote, inserted into a fresh
 * HSQLDB database of the same kind (same URL settings, same tables and indexes, taken from the
 * desktop database's own DDL) with plain JDBC batches, committing every batch. Only the inserts
 * and commits are timed; reading the rows from the desktop database is not.
 * <p>
 * The rows go in in id order (sequential index inserts), which favours the floor: the sync
 * inserts them in the server's order.
 */
final class JdbcFloor {

	static final int BATCH = 2000;

	private JdbcFloor() {
	}

	/** Nanoseconds spent inserting and committing; {@code rows} counts what was copied. */
	static long insertCopies(DataSource desktop, Path floorDatabase, List<String> tables, long[] rows) throws SQLException {
		DataSource floor = EntityManagerFactories.hsqldbIn(floorDatabase);
		long nanos = 0;
		try (Connection from = desktop.getConnection(); Connection to = floor.getConnection()) {
			try (Statement ddl = to.createStatement()) {
				for (String statement : ddlOf(from, tables)) {
					ddl.execute(statement);
				}
			}
			to.setAutoCommit(false);
			for (String table : tables) {
				nanos += copy(from, to, table, rows);
			}
		} finally {
			EntityManagerFactories.shutDownHsqldb(floor);
		}
		return nanos;
	}

	private static List<String> ddlOf(Connection desktop, List<String> tables) throws SQLException {
		List<Pattern> mentions = tables.stream().map(table -> Pattern.compile("\\bPUBLIC\\." + table + "\\b")).toList();
		List<String> statements = new ArrayList<>();
		// SCRIPT without a file answers the database's DDL
		try (Statement script = desktop.createStatement(); ResultSet lines = script.executeQuery("SCRIPT")) {
			while (lines.next()) {
				String line = lines.getString(1);
				if ((line.startsWith("CREATE ") || line.startsWith("ALTER TABLE ")) && mentions.stream().anyMatch(p -> p.matcher(line).find())) {
					statements.add(line);
				}
			}
		}
		if (statements.size() < tables.size()) {
			throw new IllegalStateException("The desktop database has not all of " + tables + ": " + statements);
		}
		return statements;
	}

	private static long copy(Connection from, Connection to, String table, long[] rows) throws SQLException {
		int columns;
		try (Statement probe = from.createStatement(); ResultSet empty = probe.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			columns = empty.getMetaData().getColumnCount();
		}
		String insert = "INSERT INTO " + table + " VALUES (" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
		long nanos = 0;
		String after = "";
		try (PreparedStatement read = from.prepareStatement("SELECT * FROM " + table + " WHERE ID > ? ORDER BY ID LIMIT " + BATCH);
				PreparedStatement write = to.prepareStatement(insert)) {
			while (true) {
				read.setString(1, after);
				List<Object[]> batch = new ArrayList<>(BATCH);
				try (ResultSet result = read.executeQuery()) {
					while (result.next()) {
						Object[] row = new Object[columns];
						for (int c = 0; c < columns; c++) {
							row[c] = result.getObject(c + 1);
						}
						batch.add(row);
						after = result.getString("ID");
					}
				}
				if (batch.isEmpty()) {
					return nanos;
				}
				long start = System.nanoTime();
				for (Object[] row : batch) {
					for (int c = 0; c < columns; c++) {
						write.setObject(c + 1, row[c]);
					}
					write.addBatch();
				}
				write.executeBatch();
				to.commit();
				nanos += System.nanoTime() - start;
				rows[0] += batch.size();
			}
		}
	}
}
