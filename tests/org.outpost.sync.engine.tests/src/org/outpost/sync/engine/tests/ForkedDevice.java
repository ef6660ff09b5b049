package org.outpost.sync.engine.tests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.outpost.test.support.TemporaryFolders;

/**
 * A device as a process of its own: a second JVM that starts the same OSGi bundles as this test
 * runtime (its config.ini) with the device's own data folder, and runs one application in it:
 * the product's {@code outpost} command line, or {@link DeviceTool} for what the command line
 * has no command for (editing, reading the local database). The process can be killed like a
 * crashed laptop ({@code kill -9}) and started again on the same data.
 */
final class ForkedDevice {

	static final String OUTPOST = "org.outpost.cli.outpost";
	static final String TOOL = "org.outpost.sync.engine.tests.device";

	private final Path configuration;
	private final Path data;
	private final Path logs;
	private final String framework;
	private final Path boot;
	private int runs;

	ForkedDevice() throws IOException, URISyntaxException {
		Path home = TemporaryFolders.create("outpost-device");
		configuration = Files.createDirectories(home.resolve("configuration"));
		data = Files.createDirectories(home.resolve("data"));
		logs = Files.createDirectories(home.resolve("logs"));
		// the same bundles as this runtime; a fresh framework cache of its own
		Path ours = Path.of(new URI(System.getProperty("osgi.configuration.area"))).resolve("config.ini");
		Files.copy(ours, configuration.resolve("config.ini"));
		framework = Path.of(new URI(System.getProperty("osgi.framework"))).toString();
		// the main class, outside OSGi: copied next to the framework jar on the new JVM's class path
		boot = Files.createDirectories(home.resolve("boot"));
		String mainClass = DeviceMain.class.getName().replace('.', '/') + ".class";
		Path copy = boot.resolve(mainClass);
		Files.createDirectories(copy.getParent());
		try (InputStream in = DeviceMain.class.getClassLoader().getResourceAsStream(mainClass)) {
			Files.copy(in, copy);
		}
	}

	/** The HSQLDB database of this device's data, as the desktop keeps it in its data folder. */
	Path database() {
		return data.resolve("database").resolve("outpost");
	}

	/** Starts an application on this device's data; its output goes to a log of its own. */
	Process start(String application, String stdin, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				// a short-lived JVM: the quick compiler and one GC thread save start-up CPU on a busy machine
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-cp", framework + File.pathSeparator + boot, DeviceMain.class.getName(), "-configuration", configuration.toUri().toString(), "-data", data.toString(),
				"-consoleLog", "-application", application));
		command.addAll(List.of(args));
		Path log = logs.resolve((++runs) + "-" + String.join("-", args).replaceAll("[^A-Za-z0-9-]", "_") + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try (var in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		return process;
	}

	/** Runs an application to its end (at most three minutes) and gives its exit code and output. */
	Result run(String application, String stdin, String... args) throws IOException, InterruptedException {
		Process process = start(application, stdin, args);
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("the device process did not finish: " + String.join(" ", args) + "\n" + lastLog());
		}
		return new Result(process.exitValue(), lastLog());
	}

	Result outpost(String... args) throws IOException, InterruptedException {
		return run(OUTPOST, "", args);
	}

	Result tool(String... args) throws IOException, InterruptedException {
		return run(TOOL, "", args);
	}

	/** Kills the process the way a crash or a power cut does: no shutdown hook, nothing flushed. */
	static void kill(Process process) throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	private String lastLog() throws IOException {
		try (var files = Files.list(logs)) {
			Path last = files.filter(f -> f.getFileName().toString().startsWith(runs + "-")).findFirst().orElseThrow();
			return Files.readString(last, StandardCharsets.UTF_8);
		}
	}

	record Result(int exitCode, String output) {

		List<String> lines(String prefix) {
			return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
		}
	}
}
