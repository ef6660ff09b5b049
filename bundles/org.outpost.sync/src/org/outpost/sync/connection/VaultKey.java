package org.outpost.sync.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.outpost.sync.internal.keyring.SecretServiceKeyring;

/**
 * The random key that encrypts one token vault: kept in the desktop keyring when one answers, otherwise
 * in a key file beside the vault that only the user may read. A key file left from a time without a
 * keyring moves into the keyring as soon as one answers.
 */
final class VaultKey {

	static final String KEY_FILE = "vault.key";
	/** {@code -Doutpost.vault.keyring=false} keeps the key in the file (e.g. kiosk machines whose keyring would prompt). */
	static final String USE_KEYRING = "outpost.vault.keyring";

	private final String key;
	private final KeyProtection protection;

	private VaultKey(String key, KeyProtection protection) {
		this.key = key;
		this.protection = protection;
	}

	static VaultKey of(Path folder) throws IOException {
		Path file = folder.resolve(KEY_FILE);
		Optional<SecretServiceKeyring> keyring = Boolean.parseBoolean(System.getProperty(USE_KEYRING, "true"))
				? SecretServiceKeyring.ofThisDesktop()
				: Optional.empty();
		if (keyring.isPresent()) {
			try {
				return inKeyring(keyring.get(), folder.toAbsolutePath().normalize().toString(), file);
			} catch (IOException e) {
				ILog.of(VaultKey.class).warn("The desktop keyring cannot keep the token vault's key (" + e.getMessage() + "); it stays in " + file);
			}
		}
		return new VaultKey(Files.exists(file) ? read(file) : createFile(file), KeyProtection.KEY_FILE);
	}

	private static VaultKey inKeyring(SecretServiceKeyring keyring, String vault, Path file) throws IOException {
		Optional<String> kept = keyring.lookup(vault);
		if (kept.isPresent() && !Files.exists(file)) {
			return new VaultKey(kept.get(), KeyProtection.DESKTOP_KEYRING);
		}
		// a key file is newer than any keyring entry: tokens stored since were encrypted with it
		String key = Files.exists(file) ? read(file) : newKey();
		keyring.store(vault, "Outpost token vault " + vault, key);
		Files.deleteIfExists(file);
		return new VaultKey(key, KeyProtection.DESKTOP_KEYRING);
	}

	char[] chars() {
		return key.toCharArray();
	}

	KeyProtection protection() {
		return protection;
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.US_ASCII).strip();
	}

	private static String createFile(Path file) throws IOException {
		String key = newKey();
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(temporary, key, StandardCharsets.US_ASCII);
		try {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// Windows: the file lies in the user's own profile folder, which only the user can read
		}
		Files.move(temporary, file);
		return key;
	}

	private static String newKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}
}
