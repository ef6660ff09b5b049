package org.outpost.protocol;

import java.util.Locale;

/** The error codes the server answers with, each with its HTTP status. */
public enum ErrorCode {
	MALFORMED_JSON(400),
	INVALID_REQUEST(400),
	UNKNOWN_RECORD_TYPE(400),
	UNKNOWN_CATEGORY(400),
	UNSUPPORTED_PROTOCOL(400),
	UNAUTHENTICATED(401),
	LOGIN_FAILED(401),
	TOKEN_EXPIRED(401),
	TOKEN_REVOKED(401),
	FORBIDDEN(403),
	NOT_FOUND(404),
	METHOD_NOT_ALLOWED(405),
	VERSION_BLOCKED(409),
	UPLOAD_OFFSET_MISMATCH(409),
	BODY_TOO_LARGE(413),
	BLOB_TOO_LARGE(413),
	UNSUPPORTED_MEDIA_TYPE(415),
	RANGE_NOT_SATISFIABLE(416),
	BLOB_HASH_MISMATCH(422),
	SERVICE_UNAVAILABLE(503),
	INTERNAL(500);

	private final int status;

	ErrorCode(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}

	/** The code as written on the wire: {@code malformed_json}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
