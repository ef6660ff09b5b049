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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.outpost.persistence.EntityManagerFactories;

/**
 * The floor the initial sync is compared with: the rows the sync wrote, inserted into a fresh
 * HSQLDB database of the same kind (same URL settings, same tables and indexes, taken from the
 * desktop database's own DDL) with plain JDBC batches, committing every batch. Only the inserts
 * and commits are timed; reading the rows from the desktop database is not.
 * <p>
 * The official floor inserts the rows in id order (sequential primary key inserts), which favours
 * it. {@link Order#REVISION} inserts the same rows in the order of their revision, the server's
 * sequence (the order a feed in sequence order sends each table's rows), as an informative second
 * figure: how much of the gap is the order alone.
 */
final class JdbcFloor {

	static final int BATCH = 2000;

	/** The order the rows are inserted in. */
	enum Order {
		/** By id: the official floor. */
		ID,
		/** By revision (the server's sequence number), each table read by id and put in that order before it is timed. */
		REVISION
	}

	private JdbcFloor() {
	}

	/** Time spent inserting and committing, and the CPU time of it (HSQLDB works in the caller's thread); the rows copied. */
	record Result(long nanos, long cpuNanos, long rows) {
	}

	static Result insertCopies(DataSource desktop, Path floorDatabase, List<String> tables, Order order) throws SQLException {
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
				if (order == Order.ID) {
					copy(from, to, table, totals);
				} else {
					copyByRevision(from, to, table, totals);
				}
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
		int columns = columnCount(from, table);
		String after = "";
		try (PreparedStatement read = from.prepareStatement("SELECT * FROM " + table + " WHERE ID > ? ORDER BY ID LIMIT " + BATCH);
				PreparedStatement write = to.prepareStatement(insertInto(table, columns))) {
			while (true) {
				read.setString(1, after);
				List<Object[]> batch = new ArrayList<>(BATCH);
				try (ResultSet result = read.executeQuery()) {
					while (result.next()) {
						batch.add(row(result, columns));
						after = result.getString("ID");
					}
				}
				if (batch.isEmpty()) {
					return;
				}
				insert(to, write, batch, columns, totals);
			}
		}
	}

	/**
	 * As {@link #copy} in the order of the rows' revisions. The desktop's tables have no index on
	 * the revision: the ids are sorted by it first, then each batch is read by id (not timed).
	 */
	private static void copyByRevision(Connection from, Connection to, String table, long[] totals) throws SQLException {
		int columns = columnCount(from, table);
		List<IdAndRevision> order = new ArrayList<>();
		try (Statement read = from.createStatement(); ResultSet result = read.executeQuery("SELECT ID, REV FROM " + table)) {
			while (result.next()) {
				order.add(new IdAndRevision(result.getString(1), result.getLong(2)));
			}
		}
		order.sort(Comparator.comparingLong(IdAndRevision::revision));
		try (PreparedStatement read = from.prepareStatement("SELECT * FROM " + table + " WHERE ID IN (UNNEST(?))");
				PreparedStatement write = to.prepareStatement(insertInto(table, columns))) {
			for (int first = 0; first < order.size(); first += BATCH) {
				List<IdAndRevision> ids = order.subList(first, Math.min(order.size(), first + BATCH));
				read.setArray(1, from.createArrayOf("VARCHAR", ids.stream().map(IdAndRevision::id).toArray()));
				Map<String, Object[]> rows = new HashMap<>();
				try (ResultSet result = read.executeQuery()) {
					while (result.next()) {
						rows.put(result.getString("ID"), row(result, columns));
					}
				}
				insert(to, write, ids.stream().map(id -> rows.get(id.id())).toList(), columns, totals);
			}
		}
	}

	private record IdAndRevision(String id, long revision) {
	}

	private static int columnCount(Connection from, String table) throws SQLException {
		try (Statement probe = from.createStatement(); ResultSet empty = probe.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			return empty.getMetaData().getColumnCount();
		}
	}

	private static String insertInto(String table, int columns) {
		return "INSERT INTO " + table + " VALUES (" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
	}

	private static Object[] row(ResultSet result, int columns) throws SQLException {
		Object[] row = new Object[columns];
		for (int c = 0; c < columns; c++) {
			row[c] = result.getObject(c + 1);
		}
		return row;
	}

	/** The timed part: one batch inserted and committed. */
	private static void insert(Connection to, PreparedStatement write, List<Object[]> batch, int columns, long[] totals) throws SQLException {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
