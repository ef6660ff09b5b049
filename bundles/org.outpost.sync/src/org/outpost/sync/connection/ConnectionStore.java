package org.outpost.sync.connection;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** Keeps the connection (server address, user name, device id) next to the sync settings; the token lives in the {@link TokenVault}. */
public final class ConnectionStore {

	private final IEclipsePreferences node;

	public ConnectionStore(IEclipsePreferences node) {
		this.node = Objects.requireNonNull(node, "node");
	}

	public static ConnectionStore ofThisDevice() {
		return new ConnectionStore(InstanceScope.INSTANCE.getNode("org.outpost.sync"));
	}

	/** The device id: made once, on first use, and kept. */
	public String deviceId() throws BackingStoreException {
		String id = node.get("deviceId", null);
		if (id == null) {
			id = UUID.randomUUID().toString();
			node.put("deviceId", id);
			node.flush();
		}
		return id;
	}

	/** The connection, or empty before the first login. */
	public Optional<Connection> load() throws BackingStoreException {
		String server = node.get("server", null);
		String user = node.get("user", null);
		if (server == null || user == null) {
			return Optional.empty();
		}
		return Optional.of(new Connection(URI.create(server), user, deviceId()));
	}

	public void save(URI server, String user) throws BackingStoreException {
		node.put("server", server.toString());
		node.put("user", user);
		node.flush();
	}
}
