package org.outpost.server.internal.sync;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.outpost.server.internal.store.Credential;

/** Salted, deliberately slow password hashes (PBKDF2 with HMAC-SHA256 from the JDK). */
public final class PasswordHashes {

	/** About 50 ms a hash on this kind of machine: cheap for one login, expensive for guessing. */
	public static final int ITERATIONS = 100_000;
	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordHashes() {
	}

	public static void set(Credential credential, String password, int iterations) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		credential.set(Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(hash(password, salt, iterations)), iterations);
	}

	public static boolean matches(Credential credential, String password) {
		byte[] expected = Base64.getDecoder().decode(credential.getHash());
		byte[] actual = hash(password, Base64.getDecoder().decode(credential.getSalt()), credential.getIterations());
		return MessageDigest.isEqual(expected, actual);
	}

	private static byte[] hash(String password, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java runtime has PBKDF2WithHmacSHA256", e);
		}
	}
}
