package org.outpost.server.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Protocol;

/**
 * An answer: status, media type, extra headers and the body, either as bytes or written by a
 * {@link Body} of a known length (a blob, streamed without holding it in memory).
 */
record Answer(int status, String mediaType, Map<String, String> headers, byte[] bytes, Body body, long length) {

	/** Writes a streamed body. */
	@FunctionalInterface
	interface Body {
		void writeTo(OutputStream out) throws IOException;
	}

	static Answer json(int status, Object message) {
		return bytes(status, Protocol.JSON + "; charset=utf-8", JsonCodec.toBytes(message));
	}

	static Answer bytes(int status, String mediaType, byte[] bytes) {
		return new Answer(status, mediaType, Map.of(), bytes, null, bytes.length);
	}

	static Answer streamed(int status, String mediaType, Map<String, String> headers, long length, Body body) {
		return new Answer(status, mediaType, Map.copyOf(headers), null, body, length);
	}
}
