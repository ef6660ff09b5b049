package org.outpost.sync.connection;

import java.net.URI;
import java.util.Objects;

/** The server this device syncs with, the user it syncs as, and the device's own id. */
public record Connection(URI server, String user, String deviceId) {

	public Connection {
		Objects.requireNonNull(server, "server");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(deviceId, "deviceId");
		if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
			throw new IllegalArgumentException("The server address must start with http:// or https://, not '" + server + "'");
		}
	}

	/**
	 * Reads a server address as a user types it: {@code outpost.example.org:8470} or a full URL.
	 *
	 * @throws IllegalArgumentException saying what is wrong with the address
	 */
	public static URI serverAddress(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("Enter the server address, e.g. https://outpost.example.org");
		}
		if (!text.contains("://")) {
			text = "http://" + text;
		}
		try {
			URI uri = URI.create(text);
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("'" + typed + "' names no host");
			}
			return uri;
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + typed + "' is not a server address: " + e.getMessage(), e);
		}
	}
}
