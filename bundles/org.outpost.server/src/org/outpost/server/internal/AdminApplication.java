package org.outpost.server.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.outpost.protocol.ProtocolException;
import org.outpost.server.ServerAdmin;

/**
 * The administrator command line, on the server's store (stop the server first when it uses the
 * embedded database; with PostgreSQL it may run beside it). Options as for the server
 * ({@code -config}, {@code -data-dir}); then a command, see {@link AdminCommands#USAGE}.
 */
public final class AdminApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		ServerOptions line = new ServerOptions(args);
		List<String> command = withoutOptions(args == null ? new String[0] : args);
		if (command.isEmpty()) {
			System.out.print(AdminCommands.USAGE);
			return 2;
		}
		try (ServerAdmin admin = ServerAdmin.open(line.config())) {
			AdminCommands.run(admin, command, System.out);
			return IApplication.EXIT_OK;
		} catch (IllegalArgumentException | ProtocolException | IndexOutOfBoundsException e) {
			System.err.println("outpost-server-admin: " + (e instanceof IndexOutOfBoundsException ? "missing arguments" : e.getMessage()));
			System.err.print(AdminCommands.USAGE);
			return 2;
		}
	}

	private static List<String> withoutOptions(String[] args) {
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("-config") || args[i].equals("-data-dir") || args[i].equals("-port")) {
				i++;
			} else if (!args[i].startsWith("-")) {
				rest.add(args[i]);
			}
		}
		return rest;
	}

	@Override
	public void stop() {
		// a command runs to its end
	}
}
