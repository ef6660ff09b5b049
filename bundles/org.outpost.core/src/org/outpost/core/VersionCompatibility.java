package org.outpost.core;

/**
 * The answer of the version handshake: whether data may move between a client and a server, and
 * a message for the user that names both versions and, when blocked, which side to update to what.
 */
public record VersionCompatibility(Verdict verdict, ApplicationVersion client, ApplicationVersion server, String message) {

	/** What the handshake allows. */
	public enum Verdict {
		/** Same major.minor: sync. */
		GO,
		/** Minor versions one apart: sync, and tell the user. */
		WARN,
		/** Anything else: no data moves. */
		BLOCK
	}

	static VersionCompatibility go(ApplicationVersion client, ApplicationVersion server) {
		return new VersionCompatibility(Verdict.GO, client, server, "Outpost " + client + " and the server " + server + " match.");
	}

	static VersionCompatibility warn(ApplicationVersion client, ApplicationVersion server) {
		return new VersionCompatibility(Verdict.WARN, client, server, "This desktop runs Outpost " + client + " and the server runs " + server
				+ ". They sync, but " + newerSideAdvice(client, server) + " for full compatibility.");
	}

	static VersionCompatibility block(ApplicationVersion client, ApplicationVersion server) {
		return new VersionCompatibility(Verdict.BLOCK, client, server, "This desktop runs Outpost " + client + " and the server runs " + server
				+ ": they are too far apart to sync, and no data was sent or received. " + capitalize(newerSideAdvice(client, server)) + ".");
	}

	/** True when data may move. */
	public boolean allowsSync() {
		return verdict != Verdict.BLOCK;
	}

	private static String newerSideAdvice(ApplicationVersion client, ApplicationVersion server) {
		return client.compareTo(server) < 0 ? "update this desktop to Outpost " + server
				: "ask your administrator to update the server to Outpost " + client;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
