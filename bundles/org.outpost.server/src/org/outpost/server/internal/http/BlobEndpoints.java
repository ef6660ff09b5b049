package org.outpost.server.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.outpost.protocol.ErrorBody;
import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Messages.BlobStatus;
import org.outpost.protocol.Protocol;
import org.outpost.protocol.ProtocolException;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredBlob;
import org.outpost.server.internal.sync.Accounts;
import org.outpost.server.internal.sync.Accounts.Caller;
import org.outpost.server.internal.sync.BlobReads;
import org.outpost.server.internal.sync.BlobUploads;
import org.outpost.server.internal.sync.BlobUploads.Appended;
import org.outpost.server.internal.sync.Directory;
import org.outpost.server.internal.sync.UserScope;

/**
 * The blob endpoints under {@value Protocol#BLOBS} (docs/protocol.md, Blobs): download with HTTP
 * ranges, chunked resumable upload verified against the SHA-256 address, and the upload status.
 * Every call needs a token and a client version the server does not block.
 */
final class BlobEndpoints {

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
	private static final String DOCUMENTS = "documents";

	private final ServerStore store;
	private final Clock clock;
	private final long maxBytes;
	private final Directory directory;

	BlobEndpoints(ServerStore store, Clock clock, long maxBytes, Directory directory) {
		this.store = store;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.directory = directory;
	}

	long maxBytes() {
		return maxBytes;
	}

	/** @param rest the path after {@code /api/v1/blobs/}: {@code <sha256>} or {@code <sha256>/upload} */
	Answer route(String rest, String method, Request request) {
		int slash = rest.indexOf('/');
		if (slash >= 0) {
			if (!rest.substring(slash + 1).equals(Protocol.BLOB_UPLOAD)) {
				throw new ProtocolException(ErrorCode.NOT_FOUND, "There is no endpoint " + Protocol.BLOBS + "/" + rest + "; see docs/protocol.md");
			}
			String sha256 = BlobUploads.address(rest.substring(0, slash));
			requireMethod("GET", method);
			return Answer.json(200, uploadStatus(request, sha256));
		}
		String sha256 = BlobUploads.address(rest);
		return switch (method) {
		case "GET" -> download(request, sha256);
		case "PUT" -> Answer.json(200, upload(request, sha256));
		default -> throw new ProtocolException(ErrorCode.METHOD_NOT_ALLOWED, "Use GET or PUT here, not " + method);
		};
	}

	private static void requireMethod(String allowed, String method) {
		if (!allowed.equals(method)) {
			throw new ProtocolException(ErrorCode.METHOD_NOT_ALLOWED, "Use " + allowed + " here, not " + method);
		}
	}

	private BlobStatus uploadStatus(Request request, String sha256) {
		String authorization = authorizedCall(request);
		return store.read(em -> {
			requireUploader(Accounts.authenticate(em, directory, authorization, Instant.now(clock)).scope());
			return BlobUploads.status(em, sha256, maxBytes);
		});
	}

	private BlobStatus upload(Request request, String sha256) {
		String authorization = authorizedCall(request);
		Fields query = Request.extractQueryParameters(request);
		long offset = number(query, Protocol.BLOB_OFFSET_PARAMETER);
		long size = number(query, Protocol.BLOB_SIZE_PARAMETER);
		BlobUploads.checkSize(size, maxBytes);
		String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
		if (type != null && !type.toLowerCase(Locale.ROOT).startsWith(Protocol.OCTET_STREAM)) {
			throw new ProtocolException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send blob bytes as " + Protocol.OCTET_STREAM + ", not " + type);
		}
		// the token is checked before the body is read
		store.read(em -> {
			requireUploader(Accounts.authenticate(em, directory, authorization, Instant.now(clock)).scope());
			return null;
		});
		byte[] bytes = readChunk(request);
		Instant now = Instant.now(clock);
		Appended appended = store.write(em -> {
			Caller caller = Accounts.authenticate(em, directory, authorization, now);
			requireUploader(caller.scope());
			return BlobUploads.append(em, sha256, offset, size, bytes, caller.scope().user(), maxBytes, now.toEpochMilli());
		});
		if (appended.hashMismatch()) {
			throw new ProtocolException(ErrorCode.BLOB_HASH_MISMATCH,
					"The uploaded bytes do not have the SHA-256 " + sha256 + "; the server discarded them: send the blob again from offset 0");
		}
		return appended.status();
	}

	private Answer download(Request request, String sha256) {
		String authorization = authorizedCall(request);
		Instant now = Instant.now(clock);
		StoredBlob blob = store.read(em -> {
			UserScope user = Accounts.authenticate(em, directory, authorization, now).scope();
			if (!user.may(DOCUMENTS, "view")) {
				throw new ProtocolException(ErrorCode.FORBIDDEN, "Fetching documents needs the permission documents.view");
			}
			return BlobReads.readable(em, user, sha256, LocalDate.ofInstant(now, ZoneOffset.UTC));
		});
		long size = blob.getSize();
		String range = request.getHeaders().get(HttpHeader.RANGE);
		long first = 0;
		long last = size - 1;
		int status = 200;
		if (range != null) {
			Matcher matcher = RANGE.matcher(range.trim());
			if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
				return unsatisfiable(size, "Ask for one range, bytes=first-last, bytes=first- or bytes=-suffix; not '" + range + "'");
			}
			try {
				if (matcher.group(1).isEmpty()) {
					first = Math.max(0, size - Long.parseLong(matcher.group(2)));
				} else {
					first = Long.parseLong(matcher.group(1));
					if (!matcher.group(2).isEmpty()) {
						last = Math.min(last, Long.parseLong(matcher.group(2)));
					}
				}
			} catch (NumberFormatException e) {
				return unsatisfiable(size, "The range '" + range + "' has a number too large");
			}
			if (first >= size || last < first) {
				return unsatisfiable(size, "The blob has " + size + " bytes; the range '" + range + "' lies outside them");
			}
			status = 206;
		}
		long from = first;
		long to = last;
		Map<String, String> headers = status == 206 ? Map.of("Content-Range", "bytes " + first + "-" + last + "/" + size, "Accept-Ranges", "bytes")
				: Map.of("Accept-Ranges", "bytes");
		return Answer.streamed(status, Protocol.OCTET_STREAM, headers, size == 0 ? 0 : to - from + 1,
				out -> BlobReads.copy(store, sha256, from, to, out));
	}

	private static Answer unsatisfiable(long size, String message) {
		Answer error = Answer.json(ErrorCode.RANGE_NOT_SATISFIABLE.status(), new ErrorBody(ErrorCode.RANGE_NOT_SATISFIABLE.wireName(), message));
		return new Answer(error.status(), error.mediaType(), Map.of("Content-Range", "bytes */" + size), error.bytes(), null, error.length());
	}

	/** The version check, then the Authorization header (checked with the user's scope in the transaction). */
	private static String authorizedCall(Request request) {
		ApiHandler.requireCompatible(request.getHeaders().get(Protocol.CLIENT_VERSION_HEADER));
		return request.getHeaders().get(HttpHeader.AUTHORIZATION);
	}

	private static void requireUploader(UserScope user) {
		if (!user.may(DOCUMENTS, "create") && !user.may(DOCUMENTS, "edit")) {
			throw new ProtocolException(ErrorCode.FORBIDDEN, "Sending documents needs the permission documents.create or documents.edit");
		}
	}

	private static long number(Fields query, String name) {
		String value = query.getValue(name);
		try {
			long number = Long.parseLong(value == null ? "" : value.trim());
			if (number >= 0) {
				return number;
			}
		} catch (NumberFormatException e) {
			// refused below
		}
		throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The query parameter '" + name + "' must be a whole number of at least 0");
	}

	private static byte[] readChunk(Request request) {
		if (request.getLength() > Protocol.MAX_BLOB_CHUNK_BYTES) {
			throw chunkTooLarge();
		}
		try (InputStream in = new LimitedInputStream(Content.Source.asInputStream(request), Protocol.MAX_BLOB_CHUNK_BYTES)) {
			return in.readAllBytes();
		} catch (LimitedInputStream.TooLarge e) {
			throw chunkTooLarge();
		} catch (IOException e) {
			throw new UncheckedIOException("The chunk could not be read: " + e.getMessage(), e);
		}
	}

	private static ProtocolException chunkTooLarge() {
		return new ProtocolException(ErrorCode.BODY_TOO_LARGE, "A blob chunk may hold at most " + Protocol.MAX_BLOB_CHUNK_BYTES + " bytes");
	}
}
