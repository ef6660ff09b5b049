package org.outpost.events.ui.internal;

import org.outpost.test.support.RunningWorkbench;
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
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.outpost.demo.DemoGenerator;
import org.outpost.demo.DemoSizes;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.register.RegisterViewer;

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
		line("Milliseconds, medians of %d runs:", RUNS);
		line("");
		line("| Step | Register: first rows on screen | Register: count shown | Register: longest UI-thread task | Plain JDBC: page | Plain JDBC: count + page |");
		line("|---|---|---|---|---|---|");

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
			Timing open = timed(() -> {
				for (var child : shell.getChildren()) {
					child.dispose();
				}
			}, () -> {
				part[0] = new EventRegisterPart();
				part[0].create(shell, database);
				shell.layout(true, true);
			}, () -> part[0].register);
			row("Open", open, jdbc(() -> query(connection, PAGE_BY_DUE, 200)),
					jdbc(() -> query(connection, "SELECT COUNT(*) FROM OUTPOST_EVENT WHERE TOMBSTONE = FALSE", 1) + query(connection, PAGE_BY_DUE, 200)));
			RegisterViewer<Event> register = part[0].register;
			assertEquals(events, register.rowCount());

			Timing middle = timed(() -> scrolledTo(register, 0), () -> register.scrollTo(events / 2), () -> register);
			double middleJdbc = jdbc(() -> query(connection, PAGE_BY_DUE + " OFFSET " + (events / 2 / 200 * 200), 200));
			row("Scroll to the middle (row " + String.format(Locale.ROOT, "%,d", events / 2) + ")", middle, middleJdbc, Double.NaN);
			Timing end = timed(() -> scrolledTo(register, 0), () -> register.scrollTo(events), () -> register);
			double endJdbc = jdbc(() -> query(connection, PAGE_BY_DUE + " OFFSET " + ((events - 30) / 200 * 200), -1));
			row("Scroll to the end", end, endJdbc, Double.NaN);

			String kitchen = "TOMBSTONE = FALSE AND LOWER(TITLE) LIKE '%kitchen%'";
			Timing filter = timed(() -> filtered(part[0], () -> part[0].search.setText("")), () -> {
				part[0].search.setText("kitchen");
				part[0].applyFilter();
			}, () -> register);
			row("Filter: title contains \"kitchen\"", filter, jdbc(() -> query(connection, page(kitchen, "DUE_DATE, ID"), 200)),
					jdbc(() -> query(connection, "SELECT COUNT(*) FROM OUTPOST_EVENT WHERE " + kitchen, 1) + query(connection, page(kitchen, "DUE_DATE, ID"), 200)));
			filtered(part[0], () -> part[0].search.setText(""));

			String inProgress = "TOMBSTONE = FALSE AND STATUS = 'IN_PROGRESS'";
			Timing status = timed(() -> filtered(part[0], () -> part[0].status.select(0)), () -> {
				part[0].status.select(3); // In progress
				part[0].applyFilter();
			}, () -> register);
			row("Filter: status In progress", status, jdbc(() -> query(connection, page(inProgress, "DUE_DATE, ID"), 200)),
					jdbc(() -> query(connection, "SELECT COUNT(*) FROM OUTPOST_EVENT WHERE " + inProgress, 1) + query(connection, page(inProgress, "DUE_DATE, ID"), 200)));

			var titleColumn = register.viewer().getTable().getColumn(0);
			Timing sortFiltered = timed(() -> {
			}, () -> register.sortBy(titleColumn), () -> register);
			row("Sort by title while filtered by status", sortFiltered, jdbc(() -> query(connection, page(inProgress, "TITLE DESC, ID DESC"), 200)), Double.NaN);
			filtered(part[0], () -> part[0].status.select(0));

			Timing sort = timed(() -> {
			}, () -> register.sortBy(titleColumn), () -> register);
			row("Sort by title (click on the header)", sort, jdbc(() -> query(connection, page("TOMBSTONE = FALSE", "TITLE DESC, ID DESC"), 200)), Double.NaN);
			assertEquals(events, register.rowCount());
			line("");
			line("Plain JDBC, the sort query before this change (ties by id ascending under a descending title, %s): %.1f ms (median of %d)",
					"ORDER BY TITLE DESC, ID", jdbc(() -> query(connection, page("TOMBSTONE = FALSE", "TITLE DESC, ID"), 200)), RUNS);
		} finally {
			shell.dispose();
		}
		report.forEach(System.out::println);
	}

	private static final String PAGE_BY_DUE = page("TOMBSTONE = FALSE", "DUE_DATE, ID");

	private static String page(String where, String orderBy) {
		return "SELECT * FROM OUTPOST_EVENT WHERE " + where + " ORDER BY " + orderBy + " LIMIT 200";
	}

	private static void scrolledTo(RegisterViewer<?> register, int row) {
		register.scrollTo(row);
		register.refresh(); // forget cached pages (after scrolling, so the old place is not read again): every run reads from the database
		awaitLoaded(register);
	}

	private static void filtered(EventRegisterPart part, Runnable widgets) {
		widgets.run();
		part.applyFilter();
		awaitLoaded(part.register);
	}

	private static void awaitLoaded(RegisterViewer<?> register) {
		RunningWorkbench.spinUntil(Display.getCurrent(), () -> !register.loading(), "the register");
	}

	/**
	 * A register step: until the first rows are on screen, until the count is shown too, and the
	 * longest the UI thread was busy at a stretch (the trigger or one event) meanwhile.
	 */
	private record Timing(double rowsShown, double counted, double longestUiTask) {
	}

	/** Medians of {@value #RUNS} runs after one warm-up run; {@code before} runs untimed before each. */
	private static Timing timed(Runnable before, Runnable trigger, Supplier<RegisterViewer<?>> register) {
		List<Timing> runs = new ArrayList<>();
		for (int i = 0; i <= RUNS; i++) {
			before.run();
			Timing run = once(trigger, register);
			if (i > 0) {
				runs.add(run);
			}
		}
		return new Timing(median(runs, Timing::rowsShown), median(runs, Timing::counted), median(runs, Timing::longestUiTask));
	}

	private static Timing once(Runnable trigger, Supplier<RegisterViewer<?>> registerOf) {
		Display display = Display.getCurrent();
		long start = System.nanoTime();
		trigger.run();
		long longest = System.nanoTime() - start;
		RegisterViewer<?> register = registerOf.get();
		Table table = register.viewer().getTable();
		long rowsShown = -1;
		while (true) {
			if (rowsShown < 0 && table.getItemCount() > 0 && table.getItem(0).getData() != null) {
				rowsShown = System.nanoTime() - start;
			}
			if (rowsShown >= 0 && !register.loading()) {
				break;
			}
			long task = System.nanoTime();
			if (!display.readAndDispatch()) {
				display.sleep(); // the reads' answers come with asyncExec, which wakes the loop
			} else {
				longest = Math.max(longest, System.nanoTime() - task);
			}
		}
		return new Timing(rowsShown / 1e6, (System.nanoTime() - start) / 1e6, longest / 1e6);
	}

	private static double median(List<Timing> runs, ToDoubleFunction<Timing> value) {
		double[] values = runs.stream().mapToDouble(value).sorted().toArray();
		return values[values.length / 2];
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

	private void row(String step, Timing register, double pageJdbc, double countAndPageJdbc) {
		line("| %s | %.1f | %s | %.1f | %.1f | %s |", step, register.rowsShown(), Double.isNaN(countAndPageJdbc) ? "(count known)" : String.format(Locale.ROOT, "%.1f", register.counted()),
				register.longestUiTask(), pageJdbc, Double.isNaN(countAndPageJdbc) ? "" : String.format(Locale.ROOT, "%.1f", countAndPageJdbc));
	}

	private void line(String format, Object... args) {
		report.add(String.format(Locale.ROOT, format, args));
	}
}
