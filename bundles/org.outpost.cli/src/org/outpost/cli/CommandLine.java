package org.outpost.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.outpost.core.ApplicationVersion;
import org.outpost.core.sync.SyncKind;
import org.outpost.persistence.LocalDatabase;
import org.outpost.protocol.Messages.Hello;
import org.outpost.sync.connection.Connection;
import org.outpost.sync.engine.ChangedRecord;
import org.outpost.sync.engine.Discarded;
import org.outpost.sync.engine.Discards;
import org.outpost.sync.engine.RecordNames;
import org.outpost.sync.engine.RejectedChange;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncProblem;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncRun;
import org.outpost.sync.outbox.Operation;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;

/**
 * The {@code outpost} command: log in, sync a kind, show the device's sync state, discard waiting
 * changes. For scripted syncs and support. Exit codes: 0 done, 1 usage (also a discard not
 * confirmed with --yes), 2 needs attention (conflicts or rejects), 3 offline, 4 refused (login or
 * version), 5 failed or cancelled.
 */
public final class CommandLine {

	public static final int OK = 0;
	public static final int USAGE = 1;
	public static final int NEEDS_ATTENTION = 2;
	public static final int OFFLINE = 3;
	public static final int REFUSED = 4;
	public static final int FAILED = 5;

	/** Waiting changes that {@code status} names one by one; the rest it counts. */
	private static final int LISTED = 20;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
	private static final String USAGE_TEXT = """
			Usage: outpost <command>
			  login --server <address> --user <name> [--password-stdin] [--reset-local-data]
			                           log in (asks for the password, or reads one line from standard input);
			                           another server or user than the one whose data this device holds
			                           needs --reset-local-data: that data is removed and a full sync follows
			  sync full|events|admin|documents|<participant>
			                           sync that kind (full: everything, admin first) or one module
			  status                   connection, changes waiting and refused (with their record ids),
			                           conflicts, last syncs
			  discard <record id>...|--all-refused [--yes]
			                           drop the waiting or refused changes of those records (the changes
			                           that point to a record made on this device go with it): they never
			                           reach the server and the records go back to their last synced
			                           values; without --yes it only says what would be lost
			  help                     this text""";

	private final SyncEngine engine;
	private final LocalDatabase database;
	private final PrintStream out;
	private final PrintStream err;
	private final InputStream in;

	public CommandLine(SyncEngine engine, LocalDatabase database, PrintStream out, PrintStream err, InputStream in) {
		this.engine = Objects.requireNonNull(engine, "engine");
		this.database = Objects.requireNonNull(database, "database");
		this.out = out;
		this.err = err;
		this.in = in;
	}

	public int run(List<String> args) {
		if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
			out.println(USAGE_TEXT);
			return args.isEmpty() ? USAGE : OK;
		}
		return switch (args.get(0)) {
		case "login" -> login(args.subList(1, args.size()));
		case "sync" -> sync(args.subList(1, args.size()));
		case "status" -> status();
		case "discard" -> discard(args.subList(1, args.size()));
		default -> usage("Unknown command '" + args.get(0) + "'");
		};
	}

	private int login(List<String> args) {
		String server = option(args, "--server");
		String user = option(args, "--user");
		if (server == null || user == null) {
			return usage("login needs --server and --user");
		}
		URI address;
		try {
			address = Connection.serverAddress(server);
		} catch (IllegalArgumentException e) {
			return usage(e.getMessage());
		}
		char[] password;
		try {
			password = password(args.contains("--password-stdin"));
		} catch (IOException e) {
			err.println("outpost: the password could not be read: " + e.getMessage());
			return USAGE;
		}
		boolean reset = args.contains("--reset-local-data");
		try {
			Hello hello = engine.login(address, user, password, reset);
			if (hello.compatibility() != null && "warn".equals(hello.compatibility().verdict())) {
				err.println("outpost: " + hello.compatibility().message());
			}
			out.println("Logged in to " + address + " as " + user + " (server " + hello.serverVersion() + ", this device "
					+ ApplicationVersion.CURRENT + ").");
			// the device may hold nothing of this account now: the initial sync brings it
			return reset ? sync(List.of(SyncKind.FULL.key())) : OK;
		} catch (SyncProblem e) {
			err.println("outpost: " + e.getMessage());
			if (e.kind() == SyncProblem.Kind.LOCAL_DATA_RESET_NEEDED) {
				err.println("outpost: to replace it, log in again with --reset-local-data");
			}
			return e.kind() == SyncProblem.Kind.OFFLINE ? OFFLINE : REFUSED;
		} finally {
			java.util.Arrays.fill(password, '\0');
		}
	}

	private char[] password(boolean fromStdin) throws IOException {
		Console console = System.console();
		if (!fromStdin && console != null) {
			char[] typed = console.readPassword("Password: ");
			return typed == null ? new char[0] : typed;
		}
		String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		return line == null ? new char[0] : line.toCharArray();
	}

	private int sync(List<String> args) {
		if (args.size() != 1) {
			return usage("sync needs one kind: full, events, admin, documents, or a participant id");
		}
		String what = args.get(0).toLowerCase(Locale.ROOT);
		SyncRequest request;
		try {
			request = SyncRequest.of(SyncKind.fromKey(what), SyncRequest.COMMAND_LINE);
		} catch (IllegalArgumentException e) {
			request = SyncRequest.participant(args.get(0), SyncRequest.COMMAND_LINE);
		}
		SyncReport report = engine.sync(request, new NullProgressMonitor() {
			@Override
			public void subTask(String name) {
				out.println("  " + name);
			}
		});
		for (String warning : report.warnings()) {
			err.println("outpost: " + warning);
		}
		for (CategoryTraffic t : report.traffic()) {
			out.printf("  %-12s %6d up %8d down  (%d KB up, %d KB down)%n", t.category(), t.recordsUp(), t.recordsDown(), t.bytesUp() / 1024,
					t.bytesDown() / 1024);
		}
		out.println("Sync " + request.label() + ": " + report.outcome().label() + (report.message() == null ? "" : ": " + report.message()));
		return switch (report.outcome()) {
		case SUCCEEDED -> OK;
		case NEEDS_ATTENTION -> NEEDS_ATTENTION;
		case OFFLINE -> OFFLINE;
		case REFUSED -> REFUSED;
		case CANCELLED, FAILED -> FAILED;
		};
	}

	private int status() {
		out.println("Outpost " + ApplicationVersion.CURRENT);
		out.println("Server:    " + engine.connection().map(c -> c.server() + " as " + c.user()).orElse("not logged in (outpost login ...)"));
		out.println("Token:     encrypted, its key in " + engine.tokenKeyProtection().description());
		Outbox outbox = new Outbox(database);
		long waiting = outbox.count();
		RecordNames names = engine.recordNames();
		out.println("Waiting:   " + count(waiting, "change", "changes") + " not yet sent");
		for (OutboxEntry entry : outbox.fetch(0, LISTED)) {
			out.printf("  %s  %-7s %s%n", entry.getRecordId(), entry.getOperation().label(), names.of(entry.getRecordType(), entry.getRecordId()));
		}
		if (waiting > LISTED) {
			out.println("  and " + (waiting - LISTED) + " more (the Queue view lists them all)");
		}
		List<RejectedChange> refused = engine.discards().rejected();
		out.println("Refused:   " + count(refused.size(), "change", "changes") + " the server refused" + (refused.isEmpty() ? "" : " (outpost discard --all-refused)"));
		for (RejectedChange change : refused) {
			out.printf("  %s  %-7s %s: %s%n", change.getRecordId(), Operation.valueOf(change.getOperation()).label(),
					names.of(change.getRecordType(), change.getRecordId()), change.getReason());
		}
		out.println("Conflicts: " + engine.conflicts().count());
		List<SyncRun> runs = engine.history().recent(5);
		out.println(runs.isEmpty() ? "No sync has run on this device." : "Last syncs:");
		for (SyncRun run : runs) {
			out.printf("  %s  %-10s %-13s %s%s%n", WHEN.format(run.getStartedAt()), run.getKind(), run.getTrigger(),
					run.getOutcome() == null ? "under way" : run.getOutcome().label(), run.getMessage() == null ? "" : ": " + run.getMessage());
		}
		return OK;
	}

	private int discard(List<String> args) {
		boolean confirmed = args.contains("--yes");
		boolean allRefused = args.contains("--all-refused");
		List<String> ids = args.stream().filter(arg -> !arg.equals("--yes") && !arg.equals("--all-refused")).toList();
		if (ids.stream().anyMatch(id -> id.startsWith("--"))) {
			return usage("discard takes record ids, --all-refused and --yes");
		}
		if (allRefused == !ids.isEmpty()) {
			return usage("discard needs the ids of the records whose changes go (outpost status lists them), or --all-refused");
		}
		Discards discards = engine.discards();
		Set<ChangedRecord> records = new LinkedHashSet<>();
		if (allRefused) {
			discards.rejected().forEach(change -> records.add(new ChangedRecord(change.getRecordType(), change.getRecordId())));
		}
		for (String id : ids) {
			List<ChangedRecord> named = discards.named(id);
			if (named.isEmpty()) {
				err.println("outpost: no change waits for a record or change with id " + id + "; nothing was discarded (outpost status lists them)");
				return USAGE;
			}
			records.addAll(named);
		}
		if (records.isEmpty()) {
			out.println("Nothing to discard: the server refused no change.");
			return OK;
		}
		try {
			List<String> lost = discards.whatIsLost(records);
			out.println(confirmed ? "Discarding these changes; they never reach the server:" : "Discarding would lose these changes:");
			lost.forEach(line -> out.println("  " + line));
			if (!confirmed) {
				out.println("Nothing was discarded; run it again with --yes to discard.");
				return USAGE;
			}
			Discarded discarded = discards.discard(records);
			out.println("Discarded " + count(discarded.changes(), "change", "changes") + " of " + count(discarded.records().size(), "record", "records") + ".");
			return OK;
		} catch (IllegalArgumentException | IllegalStateException e) {
			err.println("outpost: nothing was discarded: " + e.getMessage());
			return FAILED;
		}
	}

	private int usage(String problem) {
		err.println("outpost: " + problem);
		err.println(USAGE_TEXT);
		return USAGE;
	}

	/** "1 change", "0 changes", "3 changes". */
	static String count(long n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	private static String option(List<String> args, String name) {
		int at = args.indexOf(name);
		return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
	}
}
