package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.sync.connection.KeyProtection;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.connection.TokenVault.StoredToken;

/** Runs inside a private Secret Service (scripts/with-test-keyring.sh, used by ./dev test). */
class TokenVaultTest {

	private static final String SERVER = "http://127.0.0.1:8470/";
	private static final String SECRET = "tok-3f6c1d0e9b8a47e2a1c4d5e6f7a8b9c0";

	@Test
	void aTokenSurvivesReopeningAndIsNeverWrittenInPlainText() throws IOException {
		Path folder = Files.createTempDirectory("outpost-vault");
		Instant expires = Instant.parse("2026-12-27T08:00:00Z");
		TokenVault.open(folder).store(new StoredToken(SERVER, "officer", SECRET, expires));

		StoredToken read = TokenVault.open(folder).load(SERVER).orElseThrow();
		assertEquals(new StoredToken(SERVER, "officer", SECRET, expires), read);
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SECRET), file + " holds the token in plain text");
			}
		}
	}

	@Test
	void theKeyLivesInTheDesktopKeyringNotBesideTheVault() throws Exception {
		Path folder = Files.createTempDirectory("outpost-vault");
		TokenVault vault = TokenVault.open(folder);
		vault.store(new StoredToken(SERVER, "officer", SECRET, Instant.now()));

		assertEquals(KeyProtection.DESKTOP_KEYRING, vault.protection());
		assertFalse(Files.exists(folder.resolve("vault.key")));
		assertFalse(secretTool("lookup", "vault", folder.toString()).isBlank(), "the keyring holds no key for " + folder);
		assertEquals(SECRET, TokenVault.open(folder).load(SERVER).orElseThrow().token());
	}

	@Test
	void aKeyFileFromATimeWithoutKeyringMovesIntoTheKeyring() throws Exception {
		Path folder = Files.createTempDirectory("outpost-vault");
		System.setProperty("outpost.vault.keyring", "false");
		try {
			TokenVault withoutKeyring = TokenVault.open(folder);
			withoutKeyring.store(new StoredToken(SERVER, "officer", SECRET, Instant.now()));
			assertEquals(KeyProtection.KEY_FILE, withoutKeyring.protection());
			assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(folder.resolve("vault.key")));
		} finally {
			System.clearProperty("outpost.vault.keyring");
		}

		TokenVault withKeyring = TokenVault.open(folder);
		assertEquals(KeyProtection.DESKTOP_KEYRING, withKeyring.protection());
		assertFalse(Files.exists(folder.resolve("vault.key")));
		assertEquals(SECRET, withKeyring.load(SERVER).orElseThrow().token());
	}

	/**
	 * The vault's cipher has no integrity check: about one wrong key in 256 decrypts a token to garbage instead of
	 * failing. With 2,000 wrong keys the chance that none of them would is below one in a thousand.
	 */
	@Test
	void noWrongKeyEverReadsAToken(@TempDir Path temp) throws IOException {
		System.setProperty("outpost.vault.keyring", "false");
		try {
			Path folder = temp.resolve("vault");
			TokenVault.open(folder).store(new StoredToken(SERVER, "officer", SECRET, Instant.now()));
			for (int attempt = 0; attempt < 2000; attempt++) {
				Path copy = Files.createDirectory(temp.resolve("copy-" + attempt));
				Files.copy(folder.resolve("secure_storage"), copy.resolve("secure_storage"));
				// no key file in the copy: opening it makes a new random key
				assertTrue(TokenVault.open(copy).load(SERVER).isEmpty(), "wrong key number " + attempt + " read a token");
			}
		} finally {
			System.clearProperty("outpost.vault.keyring");
		}
	}

	@Test
	void aVaultWhoseKeyringEntryWasRemovedAsksForALoginInsteadOfFailing() throws Exception {
		Path folder = Files.createTempDirectory("outpost-vault");
		TokenVault.open(folder).store(new StoredToken(SERVER, "officer", SECRET, Instant.now()));
		secretTool("clear", "vault", folder.toString());

		TokenVault reopened = TokenVault.open(folder);
		assertTrue(reopened.load(SERVER).isEmpty());
		reopened.store(new StoredToken(SERVER, "officer", "tok-new", Instant.now()));
		assertEquals("tok-new", TokenVault.open(folder).load(SERVER).orElseThrow().token());
	}

	/** The Secret Service seen from outside the application, through libsecret's own command line. */
	private static String secretTool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("secret-tool"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	@Test
	void forgettingAServerRemovesOnlyItsToken() throws IOException {
		Path folder = Files.createTempDirectory("outpost-vault");
		TokenVault vault = TokenVault.open(folder);
		vault.store(new StoredToken(SERVER, "officer", SECRET, Instant.now()));
		vault.store(new StoredToken("https://outpost.example.org/", "officer", "other", Instant.now()));
		vault.forget(SERVER);
		assertTrue(vault.load(SERVER).isEmpty());
		assertTrue(TokenVault.open(folder).load("https://outpost.example.org/").isPresent());
	}

	@Test
	void aVaultCopiedWithoutItsKeyCannotBeReadAndAsksForALoginInstead() throws IOException {
		Path folder = Files.createTempDirectory("outpost-vault");
		TokenVault.open(folder).store(new StoredToken(SERVER, "officer", SECRET, Instant.now()));
		Path copy = Files.createTempDirectory("outpost-vault-copy");
		Files.copy(folder.resolve("secure_storage"), copy.resolve("secure_storage"));
		assertTrue(TokenVault.open(copy).load(SERVER).isEmpty());
	}
}
