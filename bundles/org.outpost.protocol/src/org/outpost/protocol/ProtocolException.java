package org.outpost.protocol;

import java.util.Objects;

/** A request the server refuses, with the error code and a message that says what to fix. */
public final class ProtocolException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode code;

	public ProtocolException(ErrorCode code, String message) {
		super(Objects.requireNonNull(message, "message"));
		this.code = Objects.requireNonNull(code, "code");
	}

	public ErrorCode code() {
		return code;
	}

	public ErrorBody body() {
		return new ErrorBody(code.wireName(), getMessage());
	}
}
