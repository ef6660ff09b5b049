package org.outpost.sync.connection;

/** Where the key that encrypts a token vault is kept. */
public enum KeyProtection {
	/** In the desktop keyring (freedesktop Secret Service), unlocked with the user's session. */
	DESKTOP_KEYRING("the desktop keyring"),
	/** In a key file beside the vault that only the user may read: used where no desktop keyring answers. */
	KEY_FILE("a key file readable by this user only");

	private final String description;

	KeyProtection(String description) {
		this.description = description;
	}

	/** For status output: "the desktop keyring". */
	public String description() {
		return description;
	}
}
