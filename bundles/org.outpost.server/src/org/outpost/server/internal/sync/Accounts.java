package org.outpost.server.internal.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Messages.LoginRequest;
import org.outpost.protocol.Messages.LoginResponse;
import org.outpost.protocol.ProtocolException;
import org.outpost.server.internal.store.Credential;
import org.outpost.server.internal.store.Device;
import org.outpost.server.internal.store.DeviceToken;
import org.outpost.server.internal.store.ServerStore;

import jakarta.persistence.EntityManager;

/**
 * Logins and device tokens. A token is 32 random bytes; the store keeps only its SHA-256, its
 * expiry and whether it was revoked. Every request reads the token and checks the user's scope
 * against the store's current directory, so a revoked token, a changed role or assignment counts
 * at once.
 */
public final class Accounts {

	/**
	 * Who is calling: the user, the device the token was issued to, the user's current scope, the directory it comes from, and
	 * the committed change counter that directory was checked at (every change up to it is committed and visible).
	 */
	public record Caller(String deviceId, UserScope scope, Directory.View directory, long committed) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
	private static final Credential UNKNOWN_USER = new Credential("");

	static {
		PasswordHashes.set(UNKNOWN_USER, "no one has this password", PasswordHashes.ITERATIONS);
	}

	private Accounts() {
	}

	/** Throws {@link ProtocolException} when the login request is not well-formed. */
	public static void check(LoginRequest request) {
		if (!DEVICE_ID.matcher(request.deviceId()).matches()) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The field 'deviceId' must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
		}
	}

	/**
	 * Whether the password is the user's, {@code credential} being the user's stored one or null when
	 * there is no such user. The slow hash needs no database: call it outside any transaction.
	 */
	public static boolean passwordMatches(Credential credential, String password) {
		// an unknown user costs a hash too, so the answer's timing does not tell which user names exist
		return PasswordHashes.matches(credential == null ? UNKNOWN_USER : credential, password) && credential != null;
	}

	/** Issues a device token to a user whose password was checked ({@link #passwordMatches}) and registers the device. */
	public static LoginResponse login(EntityManager em, Directory directory, LoginRequest request, boolean passwordMatched, Duration tokenValidity,
			Instant now) {
		check(request);
		UserScope scope = passwordMatched ? directory.current(em, ServerStore.lastCommittedRevision(em)).userScope(request.user()) : null;
		if (scope == null) {
			throw new ProtocolException(ErrorCode.LOGIN_FAILED, "Wrong user name or password");
		}
		if (!scope.mayLogInFromDesktop()) {
			throw new ProtocolException(ErrorCode.FORBIDDEN,
					"The user " + request.user() + " may not log in from the desktop (inactive, or no role grants " + UserScope.DESKTOP_LOGIN + ")");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expires = now.plus(tokenValidity);
		em.persist(new DeviceToken(hash(token), request.user(), request.deviceId(), now.toEpochMilli(), expires.toEpochMilli()));
		Device device = em.find(Device.class, request.deviceId());
		if (device == null) {
			device = new Device(request.deviceId(), request.user());
			em.persist(device);
		}
		device.setUserName(request.user());
		if (request.clientVersion() != null) {
			device.setAppVersion(request.clientVersion());
		}
		return new LoginResponse(token, expires, request.user(), scope.displayName(), List.copyOf(new TreeSet<>(scope.permissions())));
	}

	/** The caller behind an {@code Authorization: Bearer} header; a 401 error when there is none, or it is unknown, expired or revoked. */
	public static Caller authenticate(EntityManager em, Directory directory, String authorization, Instant now) {
		if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
			throw new ProtocolException(ErrorCode.UNAUTHENTICATED, "Log in first and send the token as 'Authorization: Bearer <token>'");
		}
		// read-only: in a push's transaction the token is not registered in the unit of work and compared again at its commit
		DeviceToken token = em.find(DeviceToken.class, hash(authorization.substring(7).trim()), Map.of(ChangeFeed.READ_ONLY, true));
		if (token == null) {
			throw new ProtocolException(ErrorCode.UNAUTHENTICATED, "The token is not known here; log in again");
		}
		if (token.isRevoked()) {
			throw new ProtocolException(ErrorCode.TOKEN_REVOKED, "The token was revoked by an administrator; log in again");
		}
		if (now.toEpochMilli() >= token.getExpiresAt()) {
			throw new ProtocolException(ErrorCode.TOKEN_EXPIRED, "The token expired at " + Instant.ofEpochMilli(token.getExpiresAt()) + "; log in again");
		}
		// read once per request: the directory's check and the pull's scan both go up to it
		long committed = ServerStore.lastCommittedRevision(em);
		Directory.View view = directory.current(em, committed);
		UserScope scope = view.userScope(token.getUserName());
		if (scope == null || !scope.mayLogInFromDesktop()) {
			throw new ProtocolException(ErrorCode.FORBIDDEN, "The user " + token.getUserName() + " may no longer sync from the desktop");
		}
		return new Caller(token.getDeviceId(), scope, view, committed);
	}

	/** Revokes every live token of a user; returns how many. */
	public static int revokeUser(EntityManager em, String userName) {
		return revoke(em.createQuery("SELECT t FROM DeviceToken t WHERE t.userName = :name AND t.revoked = FALSE", DeviceToken.class)
				.setParameter("name", userName).getResultList());
	}

	/** Revokes every live token of a device; returns how many. */
	public static int revokeDevice(EntityManager em, String deviceId) {
		return revoke(em.createQuery("SELECT t FROM DeviceToken t WHERE t.deviceId = :id AND t.revoked = FALSE", DeviceToken.class)
				.setParameter("id", deviceId).getResultList());
	}

	private static int revoke(List<DeviceToken> tokens) {
		tokens.forEach(DeviceToken::revoke);
		return tokens.size();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
