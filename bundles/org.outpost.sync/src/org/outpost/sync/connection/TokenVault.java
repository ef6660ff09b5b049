package org.outpost.sync.connection;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * Keeps the device token per server in Eclipse Secure Storage, encrypted, never in a plain file.
 * The storage is opened with this installation's own random key ({@link VaultKey}: in the desktop
 * keyring when there is one) instead of prompting for a master password, which a field laptop could
 * not answer during an automatic sync.
 */
public final class TokenVault {

	/** A token as stored: for which server and user, and until when it is valid. */
	public record StoredToken(String server, String user, String token, Instant expiresAt) {
	}

	private static final String ROOT = "org.outpost.sync/servers";
	/**
	 * Encrypted beside each token: the cipher has no integrity check, so about one wrong key in 256 decrypts the
	 * token to garbage instead of failing; this known value tells the two apart.
	 */
	private static final String KEY_CHECK = "keyCheck";
	private static final String KEY_CHECK_VALUE = "outpost-token-vault";
	private final ISecurePreferences storage;
	private final KeyProtection protection;

	private TokenVault(ISecurePreferences storage, KeyProtection protection) {
		this.storage = storage;
		this.protection = protection;
	}

	/** Opens (or creates) the vault in {@code folder}. */
	public static TokenVault open(Path folder) throws IOException {
		Files.createDirectories(folder);
		VaultKey vaultKey = VaultKey.of(folder);
		PBEKeySpec key = new PBEKeySpec(vaultKey.chars());
		try {
			ISecurePreferences storage = SecurePreferencesFactory.open(folder.resolve("secure_storage").toUri().toURL(),
					Map.of(IProviderHints.DEFAULT_PASSWORD, key, IProviderHints.PROMPT_USER, Boolean.FALSE));
			if (storage == null) {
				throw new IOException("Secure storage could not be opened in " + folder);
			}
			return new TokenVault(storage, vaultKey.protection());
		} catch (MalformedURLException e) {
			throw new IOException(e);
		}
	}

	/** Where the key of this vault is kept. */
	public KeyProtection protection() {
		return protection;
	}

	public void store(StoredToken token) throws IOException {
		ISecurePreferences node = node(token.server());
		try {
			node.put("user", token.user(), false);
			node.put("token", token.token(), true);
			node.put(KEY_CHECK, KEY_CHECK_VALUE, true);
			node.putLong("expiresAt", token.expiresAt().toEpochMilli(), false);
			storage.flush();
		} catch (StorageException e) {
			throw new IOException("The token could not be stored securely: " + e.getMessage(), e);
		}
	}

	public Optional<StoredToken> load(String server) {
		String path = path(server);
		if (!storage.nodeExists(path)) {
			return Optional.empty();
		}
		ISecurePreferences node = storage.node(path);
		try {
			String check = node.get(KEY_CHECK, null);
			// a token stored before the check came has none and is read as before
			if (check != null && !check.equals(KEY_CHECK_VALUE)) {
				return Optional.empty();
			}
			String token = node.get("token", null);
			String user = node.get("user", null);
			long expires = node.getLong("expiresAt", 0);
			return token == null || user == null ? Optional.empty() : Optional.of(new StoredToken(server, user, token, Instant.ofEpochMilli(expires)));
		} catch (StorageException e) {
			// a vault written with another key (copied from another machine) cannot be read: log in again
			return Optional.empty();
		}
	}

	public void forget(String server) throws IOException {
		String path = path(server);
		if (storage.nodeExists(path)) {
			storage.node(path).removeNode();
			try {
				storage.flush();
			} catch (IOException e) {
				throw new IOException("The token could not be removed: " + e.getMessage(), e);
			}
		}
	}

	private ISecurePreferences node(String server) {
		return storage.node(path(server));
	}

	private static String path(String server) {
		return ROOT + "/" + EncodingUtils.encodeSlashes(Objects.requireNonNull(server, "server"));
	}
}
