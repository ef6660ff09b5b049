package org.outpost.server.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.server.DemoData;
import org.outpost.server.ServerAdmin;
import org.outpost.server.ServerAdmin.BlobsSwept;

import com.fasterxml.jackson.databind.JsonNode;

/** The administrator commands, each a call on {@link ServerAdmin}; the command line and tests run them. */
public final class AdminCommands {

	public static final String USAGE = """
			Outpost server administration: outpost-server-admin [-config <file>] [-data-dir <folder>] <command>
			  users add <name> <password> <role>[,<role>...] [<display name>]
			  users deactivate <name>            users list
			  roles put <name> <permission>[,<permission>...]   (module.action, module.*, *, desktop.login)
			  orgunits add <name> [<parent id>]  locations add <name> <org unit id>
			  assign <user> <org unit id>
			  records put <type> <id|new> '<json fields>'       records delete <id>       records show <id>
			  tokens revoke-user <user>          tokens revoke-device <device id>
			  devices                            demo [<seed>]
			  demo officers <n>                  (after demo) n users officer-1.. (password = name), each with an org unit of its own
			  export <file.json>                 import <file.json>
			  blobs sweep [<upload hours> <grace hours>]   (default: blob.upload.hours, blob.grace.hours)
			""";


	private static final Set<String> ONE_WORD = Set.of("assign", "devices", "demo", "export", "import");

	private AdminCommands() {
	}

	/**
	 * Runs one command, writing what it did to {@code out}.
	 *
	 * @throws IllegalArgumentException for an unknown command
	 */
	public static void run(ServerAdmin admin, List<String> command, PrintStream out) throws Exception {
		String verb = ONE_WORD.contains(command.get(0)) || command.size() == 1 ? command.get(0) : command.get(0) + " " + command.get(1);
		switch (verb) {
		case "users add" -> {
			admin.putUser(command.get(2), command.size() > 5 ? command.get(5) : command.get(2), command.get(3), Arrays.asList(command.get(4).split(",")));
			out.println("User " + command.get(2) + " saved");
		}
		case "users deactivate" -> {
			admin.setActive(command.get(2), false);
			out.println("User " + command.get(2) + " deactivated");
		}
		case "users list" -> admin.userNames().forEach(out::println);
		case "roles put" -> out.println("Role " + command.get(2) + ": " + admin.putRole(command.get(2), Arrays.asList(command.get(3).split(","))));
		case "orgunits add" -> out.println(admin.addOrgUnit(command.get(2), command.size() > 3 ? command.get(3) : null));
		case "locations add" -> out.println(admin.addLocation(command.get(2), command.get(3)));
		case "assign" -> out.println(admin.assign(command.get(1), command.get(2)));
		case "records put" -> {
			Map<String, JsonNode> fields = new LinkedHashMap<>();
			JsonCodec.parseObject(command.get(4)).fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
			String id = command.get(3).equals("new") ? UUID.randomUUID().toString() : command.get(3);
			out.println(JsonCodec.toText(admin.putRecord(command.get(2), id, fields).body()) + " saved as " + id);
		}
		case "records delete" -> out.println(admin.deleteRecord(command.get(2)) ? "Deleted" : "No such live record");
		case "records show" -> {
			WireRecord record = admin.record(command.get(2));
			out.println(record == null ? "No such record" : record.toString());
		}
		case "tokens revoke-user" -> out.println(tokensRevoked(admin.revokeTokensOfUser(command.get(2))));
		case "tokens revoke-device" -> out.println(tokensRevoked(admin.revokeTokensOfDevice(command.get(2))));
		case "devices" -> admin.devices().forEach(device -> out.println(device.deviceId() + "  " + device.user() + "  " + device.appVersion()
				+ "  last sync " + device.lastSync() + "  pending " + device.pendingCount()));
		case "demo" -> {
			if (command.size() > 2 && command.get(1).equals("officers")) {
				out.println(DemoData.fieldOfficers(admin, Integer.parseInt(command.get(2))) + " field officers, each in an org unit of its own");
			} else {
				out.println(DemoData.generate(admin, command.size() > 1 ? Long.parseLong(command.get(1)) : 42));
			}
		}
		case "export" -> {
			try (OutputStream file = Files.newOutputStream(Path.of(command.get(1)))) {
				out.println(admin.exportJson(file) + " records exported");
			}
		}
		case "import" -> {
			try (InputStream file = Files.newInputStream(Path.of(command.get(1)))) {
				out.println(admin.importJson(file) + " records imported");
			}
		}
		case "blobs sweep" -> {
			BlobsSwept swept = command.size() > 2
					? admin.sweepBlobs(hours(command.get(2)), hours(command.get(3)))
					: admin.sweepBlobs();
			out.println("Removed " + swept.describe());
		}
		default -> throw new IllegalArgumentException("unknown command '" + String.join(" ", command) + "'");
		}
	}

	private static Duration hours(String text) {
		long hours = Long.parseLong(text);
		if (hours < 0) {
			throw new IllegalArgumentException("an age in hours is 0 or more, not " + text);
		}
		return Duration.ofHours(hours);
	}

	private static String tokensRevoked(int count) {
		return count + (count == 1 ? " token revoked" : " tokens revoked");
	}
}
