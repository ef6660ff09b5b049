package org.outpost.server.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.outpost.server.ServerConfig;

/** The options both applications take: {@code -config <file>}, {@code -port <n>}, {@code -data-dir <folder>}, flags. */
final class ServerOptions {

	private final String[] args;

	ServerOptions(String[] args) {
		this.args = args == null ? new String[0] : args;
	}

	boolean flag(String name) {
		for (String arg : args) {
			if (arg.equals(name)) {
				return true;
			}
		}
		return false;
	}

	String option(String name) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return null;
	}

	ServerConfig config() throws IOException {
		String file = option("-config");
		ServerConfig config = ServerConfig.load(file == null ? null : Path.of(file), System.getenv());
		if (option("-port") != null) {
			config = config.withPort(Integer.parseInt(option("-port")));
		}
		if (option("-data-dir") != null) {
			config = config.withDataDir(Path.of(option("-data-dir")));
		}
		return config;
	}
}
