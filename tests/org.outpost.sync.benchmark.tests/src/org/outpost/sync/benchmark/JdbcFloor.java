package org.outpost.sync.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

	/** Time spent inserting and committing, and the CPU time of it (HSQLDB works in the caller's thread); the rows copied. */
	record Result(long nanos, long cpuNanos, long rows) {
	}

	static Result insertCopies(DataSource desktop, Path floorDatabase, List<String> tables) throws SQLException {
		DataSource floor = EntityManagerFactories.hsqldbIn(floorDatabase);
		long[] totals = new long[3];
		try (Connection from = desktop.getConnection(); Connection to = floor.getConnection()) {
			try (Statement ddl = to.createStatement()) {
				for (String statement : ddlOf(from, tables)) {
					ddl.execute(statement);
				}
			}
			to.setAutoCommit(false);
			for (String table : tables) {
				copy(from, to, table, totals);
			}
		} finally {
			EntityManagerFactories.shutDownHsqldb(floor);
		}
		return new Result(totals[0], totals[1], totals[2]);
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

	/** Adds to {@code totals}: nanoseconds, CPU nanoseconds, rows. */
	private static void copy(Connection from, Connection to, String table, long[] totals) throws SQLException {
		int columns;
		try (Statement probe = from.createStatement(); ResultSet empty = probe.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			columns = empty.getMetaData().getColumnCount();
		}
		String insert = "INSERT INTO " + table + " VALUES (" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
					return;
				}
				long start = System.nanoTime();
				long cpu = threads.getCurrentThreadCpuTime();
				for (Object[] row : batch) {
					for (int c = 0; c < columns; c++) {
						write.setObject(c + 1, row[c]);
					}
					write.addBatch();
				}
				write.executeBatch();
				to.commit();
				totals[0] += System.nanoTime() - start;
				totals[1] += threads.getCurrentThreadCpuTime() - cpu;
				totals[2] += batch.size();
			}
		}
	}
}
