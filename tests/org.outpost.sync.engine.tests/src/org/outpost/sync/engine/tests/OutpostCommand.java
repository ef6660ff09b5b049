package org.outpost.sync.engine.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.outpost.cli.CommandLine;

/** The {@code outpost} command line run in this JVM on a test desktop, keeping what its last run printed. */
final class OutpostCommand {

	private final Desktop desktop;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	OutpostCommand(Desktop desktop) {
		this.desktop = desktop;
	}

	/** Runs it with {@code stdin} as its input; returns its exit code. */
	int run(String stdin, String... args) {
		out.reset();
		err.reset();
		CommandLine command = new CommandLine(desktop.engine, desktop.database, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		return command.run(List.of(args));
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** Standard output, then standard error. */
	String said() {
		return out() + err();
	}
}
