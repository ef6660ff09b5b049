package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.connection.TokenVault.StoredToken;

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
