package org.outpost.events.ui.internal;

import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.outpost.demo.DemoGenerator;
import org.outpost.demo.DemoSizes;
import org.outpost.persistence.LocalDatabase;

/**
 * Measures the real Events register over N generated events (100,000 by default) against plain
 * JDBC doing the same reads on the same database, and prints a table for docs/benchmarks.md.
 * It asserts what it read, never how long it took: run it with {@code -Pbenchmark} (see the doc).
 */
class EventRegisterBenchmark {

	private static final int RUNS = 5;

	private final List<String> report = new ArrayList<>();

	@Test
	void eventsRegisterWithManyEvents() throws SQLException {
		int events = Integer.getInteger("outpost.benchmark.events", 100_000);
		LocalDatabase database = Services.get(LocalDatabase.class);
		long start = System.nanoTime();
		new DemoGenerator(DemoSizes.parse("seed=1,events=" + events + ",findings=0,actions=0,obligations=0")).writeTo(database);
		double generated = (System.nanoTime() - start) / 1e6;
		line("Machine: %d cores, %s %s, Java %s, max heap %d MB", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.arch"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1 << 20));
		line("Generated %,d events (with org units, locations, users, forms) in %.0f ms", events, generated);
		line("");
		line("| Step | Register (ms, median of %d) | Plain JDBC baseline (ms, median of %d) |", RUNS, RUNS);
		line("|---|---|---|");

		JDBCDataSource jdbc = new JDBCDataSource();
		jdbc.setURL("jdbc:hsqldb:file:" + database.location() + "/outpost");
		jdbc.setUser("SA");
		jdbc.setPassword("");
		Display display = Display.getDefault();
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1280, 800);
		shell.open();
		try (Connection connection = jdbc.getConnection()) {
			EventRegisterPart[] part = new EventRegisterPart[1];
			double open = timed(() -> {
				for (var child : shell.getChildren()) {
					child.dispose();
				}
				part[0] = new EventRegisterPart();
				part[0].create(shell, database);
				shell.layout(true, true);
				firstRowsShown(part[0].register.viewer().getTable(), 0);
			});
			double openJdbc = jdbc(() -> query(connection, "SELECT COUNT(*) FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE", 1)
					+ query(connection, "SELECT * FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE ORDER BY DUE_DATE, ID LIMIT 200", 200));
			row("Open (count + first page shown)", open, openJdbc);
			assertEquals(events, part[0].register.rowCount());

			Table table = part[0].register.viewer().getTable();
			double middle = timed(() -> part[0].register.refresh(), // forget cached pages: every run reads from the database
					() -> firstRowsShown(table, events / 2));
			double middleJdbc = jdbc(() -> query(connection, "SELECT * FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE ORDER BY DUE_DATE, ID LIMIT 200 OFFSET "
					+ (events / 2 / 200 * 200), 200));
			row("Scroll to the middle (row " + String.format(Locale.ROOT, "%,d", events / 2) + ")", middle, middleJdbc);
			double end = timed(() -> part[0].register.refresh(), () -> firstRowsShown(table, events - 30));
			double endJdbc = jdbc(() -> query(connection, "SELECT * FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE ORDER BY DUE_DATE, ID LIMIT 200 OFFSET "
					+ ((events - 30) / 200 * 200), -1));
			row("Scroll to the end", end, endJdbc);

			double filter = timed(() -> {
				part[0].search.setText("");
				part[0].applyFilter();
			}, () -> {
				part[0].search.setText("kitchen");
				part[0].applyFilter();
				firstRowsShown(table, 0);
			});
			part[0].search.setText("");
			double filterJdbc = jdbc(() -> query(connection,
					"SELECT COUNT(*) FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE AND LOWER(TITLE) LIKE '%kitchen%'", 1)
					+ query(connection, "SELECT * FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE AND LOWER(TITLE) LIKE '%kitchen%' ORDER BY DUE_DATE, ID LIMIT 200", 200));
			row("Filter: title contains \"kitchen\"", filter, filterJdbc);

			double status = timed(() -> {
				part[0].status.select(0);
				part[0].applyFilter();
			}, () -> {
				part[0].status.select(3); // In progress
				part[0].applyFilter();
				firstRowsShown(table, 0);
			});
			part[0].status.select(0);
			double statusJdbc = jdbc(() -> query(connection, "SELECT COUNT(*) FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE AND STATUS = 'IN_PROGRESS'", 1)
					+ query(connection, "SELECT * FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE AND STATUS = 'IN_PROGRESS' ORDER BY DUE_DATE, ID LIMIT 200", 200));
			row("Filter: status In progress", status, statusJdbc);
			part[0].applyFilter();

			var titleColumn = table.getColumn(0);
			double sort = timed(() -> {
				part[0].register.sortBy(titleColumn);
				firstRowsShown(table, 0);
			});
			double sortJdbc = jdbc(() -> query(connection, "SELECT COUNT(*) FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE", 1)
					+ query(connection, "SELECT * FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE ORDER BY TITLE DESC, ID LIMIT 200", 200));
			row("Sort by title (click on the header)", sort, sortJdbc);
			assertEquals(events, part[0].register.rowCount());
		} finally {
			shell.dispose();
		}
		report.forEach(System.out::println);
	}

	/** Shows row {@code first} at the top and reads the texts of the rows on screen, as painting does. */
	private static void firstRowsShown(Table table, int first) {
		table.setTopIndex(first);
		int last = Math.min(table.getItemCount(), first + 30);
		for (int i = first; i < last; i++) {
			table.getItem(i).getText(0);
		}
		Display display = table.getDisplay();
		while (display.readAndDispatch()) {
			// paint what changed
		}
	}

	private static double query(Connection connection, String sql, int expectedRows) {
		long start = System.nanoTime();
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			int count = 0;
			while (rows.next()) {
				rows.getString(1);
				count++;
			}
			if (expectedRows >= 0) {
				assertEquals(expectedRows, count, sql);
			}
		} catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private interface Step {
		void run();
	}

	/** Median wall time of {@value #RUNS} runs after one warm-up run; {@code before} runs untimed before each. */
	private static double timed(Step before, Step step) {
		before.run();
		step.run();
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			before.run();
			long start = System.nanoTime();
			step.run();
			times.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(times);
		return times.get(RUNS / 2);
	}

	private static double timed(Step step) {
		return timed(() -> {
		}, step);
	}

	/** Median of {@value #RUNS} JDBC runs that time their own queries, after one warm-up run. */
	private static double jdbc(DoubleSupplier step) {
		step.getAsDouble();
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			times.add(step.getAsDouble());
		}
		Collections.sort(times);
		return times.get(RUNS / 2);
	}

	private void row(String step, double register, double jdbc) {
		line("| %s | %.1f | %.1f |", step, register, jdbc);
	}

	private void line(String format, Object... args) {
		report.add(String.format(Locale.ROOT, format, args));
	}
}
