package org.outpost.sync.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.outpost.core.ApplicationVersion;
import org.outpost.protocol.ChangePageStream;
import org.outpost.protocol.ChangePageStream.Page;
import org.outpost.protocol.ErrorBody;
import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.BlobStatus;
import org.outpost.protocol.Messages.ChangedCategories;
import org.outpost.protocol.Messages.ChangedRequest;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.Hello;
import org.outpost.protocol.Messages.LoginRequest;
import org.outpost.protocol.Messages.LoginResponse;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.protocol.Protocol;
import org.outpost.protocol.ProtocolException;
import org.outpost.sync.engine.SyncProblem.Kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Outpost server's sync API over HTTP, gzipped across a network ({@link Compression}). Counts
 * the bytes each way as they travel. A server that cannot be reached is {@link Kind#OFFLINE}; an
 * error answer becomes a {@link SyncProblem} carrying the server's own message.
 */
final class ServerClient {

	private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

	private final URI base;
	private final HttpClient http;
	private final boolean compressed;
	/** Where answers are read: the JDK's client completes its futures on the common pool, whatever executor it was given. */
	private final Executor answers;
	private final String clientVersion = ApplicationVersion.CURRENT.toString();
	// the answer to a page asked for ahead is counted in the HTTP client's thread
	private final AtomicLong bytesUp = new AtomicLong();
	private final AtomicLong bytesDown = new AtomicLong();
	/** The records asked for per change page: what the server's hello allows, at most what this client wants. */
	private volatile int pageSize = Protocol.OLDER_MAX_PAGE_SIZE;

	ServerClient(URI server, HttpClient http) {
		String text = server.toString();
		this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
		this.http = http;
		this.compressed = Compression.worthwhile(base);
		this.answers = http.executor().orElse(Runnable::run);
	}

	/** A client of the same server with counters of its own. */
	ServerClient another() {
		ServerClient another = new ServerClient(base, http);
		another.pageSize = pageSize;
		return another;
	}

	static HttpClient newHttpClient() {
		// answers are read (and parsed) on threads of the client's own, never on the common pool: it has one
		// thread on a 2-core machine, and anything else blocking it would stall the sync until its timeout
		ExecutorService answers = Executors.newCachedThreadPool(Thread.ofPlatform().name("outpost-sync-http-", 1).daemon().factory());
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NORMAL).executor(answers).build();
	}

	Hello hello() throws SyncProblem {
		HttpRequest request = builder(Protocol.HELLO + "?" + Protocol.CLIENT_VERSION_PARAMETER + "=" + URLEncoder.encode(clientVersion, StandardCharsets.UTF_8))
				.GET().build();
		Hello hello = send(request, JsonCodec::hello);
		// a server that does not say takes the older limit, and asking for more would be refused
		pageSize = hello.maxPageSize() > 0 ? Math.min(hello.maxPageSize(), Protocol.MAX_PAGE_SIZE) : Protocol.OLDER_MAX_PAGE_SIZE;
		return hello;
	}

	/** The records to ask for per change page, as the last {@link #hello} allowed ({@link Protocol#OLDER_MAX_PAGE_SIZE} before it). */
	int pageSize() {
		return pageSize;
	}

	LoginResponse login(LoginRequest login) throws SyncProblem {
		return send(post(Protocol.LOGIN, null, login), JsonCodec::loginResponse);
	}

	/**
	 * Asks for a page without waiting for it: {@link #await} it. The page is read token by token
	 * on the thread that receives it, each record's body by {@code bodies}.
	 */
	<B> CompletableFuture<Page<B>> changesAsync(String token, ChangesRequest changes, ChangePageStream.BodyReader<B> bodies) throws SyncProblem {
		return http.sendAsync(post(Protocol.CHANGES, token, changes), HttpResponse.BodyHandlers.ofByteArray()).thenApplyAsync(response -> {
			bytesDown.addAndGet(response.body().length);
			try {
				if (response.statusCode() >= 400) {
					throw problem(response.statusCode(), parsed(response));
				}
				return ChangePageStream.read(Compression.body(response), bodies);
			} catch (ProtocolException e) {
				throw new CompletionException(new SyncProblem(Kind.SERVER_ERROR, e.code() == ErrorCode.MALFORMED_JSON
						? "The server at " + base + " answered " + response.statusCode() + " with something that is not Outpost JSON"
						: "The server's answer could not be read: " + e.getMessage(), e));
			} catch (IllegalArgumentException e) {
				throw new CompletionException(new SyncProblem(Kind.SERVER_ERROR, "The server's answer could not be read: " + e.getMessage(), e));
			} catch (SyncProblem e) {
				throw new CompletionException(e);
			}
		}, answers);
	}

	/**
	 * Which of the categories have anything to pull (protocol {@value Protocol#CHANGED_SINCE}; ask only a server that speaks it),
	 * without waiting for the answer: {@link #await} it.
	 */
	CompletableFuture<ChangedCategories> changedAsync(String token, ChangedRequest changed) throws SyncProblem {
		HttpRequest request = postBuilder(Protocol.CHANGED, token, changed).header(Protocol.PROTOCOL_HEADER, Integer.toString(Protocol.CHANGED_SINCE))
				.build();
		// answered while a category's push runs: its bytes belong to no category, as when it was awaited before the first
		return sendAsync(request, JsonCodec::changedCategories, false);
	}

	PushResponse push(String token, PushRequest push) throws SyncProblem {
		return send(post(Protocol.PUSH, token, push), JsonCodec::pushResponse);
	}

	long bytesUp() {
		return bytesUp.get();
	}

	long bytesDown() {
		return bytesDown.get();
	}

	/** Starts counting again, e.g. for the next category. */
	void resetCounters() {
		bytesUp.set(0);
		bytesDown.set(0);
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
				.header(Protocol.CLIENT_VERSION_HEADER, clientVersion).header("Accept", Protocol.JSON);
		return compressed ? builder.header("Accept-Encoding", Compression.GZIP) : builder;
	}

	private HttpRequest post(String path, String token, Object message) throws SyncProblem {
		return postBuilder(path, token, message).build();
	}

	private HttpRequest.Builder postBuilder(String path, String token, Object message) throws SyncProblem {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			JsonCodec.write(body, message);
		} catch (IOException e) {
			throw new SyncProblem(Kind.SERVER_ERROR, "The request could not be written: " + e.getMessage(), e);
		}
		byte[] bytes = body.toByteArray();
		HttpRequest.Builder builder = builder(path).header("Content-Type", Protocol.JSON);
		if (compressed && bytes.length >= Compression.SMALLEST_COMPRESSED_REQUEST) {
			bytes = Compression.gzip(bytes);
			builder.header("Content-Encoding", Compression.GZIP);
		}
		bytesUp.addAndGet(bytes.length);
		builder.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** What the server holds of a blob. */
	BlobStatus blobStatus(String token, String sha256) throws SyncProblem {
		HttpRequest request = authorized(builder(Protocol.BLOBS + "/" + sha256 + "/" + Protocol.BLOB_UPLOAD), token).GET().build();
		return send(request, JsonCodec::blobStatus);
	}

	/** Sends one chunk of a blob of {@code size} bytes, starting at {@code offset}. */
	BlobStatus putBlobChunk(String token, String sha256, long offset, long size, byte[] chunk, int length) throws SyncProblem {
		bytesUp.addAndGet(length);
		HttpRequest request = authorized(builder(Protocol.BLOBS + "/" + sha256 + "?" + Protocol.BLOB_OFFSET_PARAMETER + "=" + offset + "&"
				+ Protocol.BLOB_SIZE_PARAMETER + "=" + size), token).header("Content-Type", Protocol.OCTET_STREAM)
				// the server may refuse before reading the chunk (limit, token): it answers before the bytes travel
				.expectContinue(true).PUT(HttpRequest.BodyPublishers.ofByteArray(chunk, 0, length)).build();
		return send(request, JsonCodec::blobStatus);
	}

	/** Bytes {@code first..last} (inclusive) of a blob, by an HTTP range request. */
	byte[] blobRange(String token, String sha256, long first, long last) throws SyncProblem {
		HttpRequest request = authorized(builder(Protocol.BLOBS + "/" + sha256), token).setHeader("Accept", Protocol.OCTET_STREAM + ", " + Protocol.JSON)
				// a range is a range of the blob's own bytes, never of a compressed answer
				.setHeader("Accept-Encoding", "identity").header("Range", "bytes=" + first + "-" + last).GET().build();
		HttpResponse<byte[]> response = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
		bytesDown.addAndGet(response.body().length);
		if (response.statusCode() == 206 || response.statusCode() == 200) {
			long expected = last - first + 1;
			byte[] body = response.body();
			if (response.statusCode() == 200 && first == 0 && body.length >= expected) {
				// a server that ignores ranges sends the whole blob
				return Arrays.copyOf(body, (int) expected);
			}
			if (response.statusCode() == 206 && body.length == expected) {
				return body;
			}
			throw new SyncProblem(Kind.SERVER_ERROR, "The server sent " + body.length + " bytes for the range " + first + "-" + last + " of " + sha256);
		}
		throw problem(response.statusCode(), parsed(response));
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
		return builder.header("Authorization", "Bearer " + token);
	}

	private <T> T send(HttpRequest request, Function<JsonNode, T> reader) throws SyncProblem {
		return await(sendAsync(request, reader, true));
	}

	/** @param counted whether the answer's bytes count as the current category's */
	private <T> CompletableFuture<T> sendAsync(HttpRequest request, Function<JsonNode, T> reader, boolean counted) {
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApplyAsync(response -> {
			try {
				return read(response, reader, counted);
			} catch (SyncProblem e) {
				throw new CompletionException(e);
			}
		}, answers);
	}

	/** The answer, or the problem that kept it from coming. */
	<T> T await(CompletableFuture<T> answer) throws SyncProblem {
		try {
			return answer.get();
		} catch (InterruptedException e) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new SyncProblem(Kind.OFFLINE, "The sync was interrupted", e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof SyncProblem problem) {
				throw problem;
			} else if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException || cause instanceof UnresolvedAddressException) {
				throw new SyncProblem(Kind.OFFLINE, "The Outpost server at " + base + " cannot be reached; you are working offline", cause);
			} else if (cause instanceof HttpTimeoutException) {
				throw new SyncProblem(Kind.OFFLINE, "The Outpost server at " + base + " did not answer in time", cause);
			} else if (cause instanceof IOException) {
				throw new SyncProblem(Kind.OFFLINE, "The connection to " + base + " broke off: " + cause.getMessage(), cause);
			}
			throw new SyncProblem(Kind.SERVER_ERROR, "The request to " + base + " failed: " + cause, cause);
		}
	}

	private <T> T read(HttpResponse<byte[]> response, Function<JsonNode, T> reader, boolean counted) throws SyncProblem {
		if (counted) {
			bytesDown.addAndGet(response.body().length);
		}
		JsonNode json = parsed(response);
		if (response.statusCode() >= 400) {
			throw problem(response.statusCode(), json);
		}
		try {
			return reader.apply(json);
		} catch (ProtocolException | IllegalArgumentException e) {
			throw new SyncProblem(Kind.SERVER_ERROR, "The server's answer could not be read: " + e.getMessage(), e);
		}
	}

	private JsonNode parsed(HttpResponse<byte[]> response) throws SyncProblem {
		try {
			return JsonCodec.parse(new ByteArrayInputStream(Compression.body(response)));
		} catch (ProtocolException | IllegalArgumentException e) {
			throw new SyncProblem(Kind.SERVER_ERROR, "The server at " + base + " answered " + response.statusCode() + " with something that is not Outpost JSON", e);
		}
	}

	private static SyncProblem problem(int status, JsonNode json) {
		ErrorBody error;
		try {
			error = JsonCodec.errorBody(json);
		} catch (RuntimeException e) {
			return new SyncProblem(Kind.SERVER_ERROR, "The server answered HTTP " + status);
		}
		return switch (error.code()) {
		case "unauthenticated", "token_expired", "token_revoked", "login_failed" -> new SyncProblem(Kind.LOGIN_NEEDED, error.message(), error.code());
		case "version_blocked" -> new SyncProblem(Kind.VERSION_BLOCKED, error.message(), error.code());
		case "service_unavailable" -> new SyncProblem(Kind.OFFLINE, error.message(), error.code());
		default -> new SyncProblem(Kind.SERVER_ERROR, error.message() + " (" + error.code() + ")", error.code());
		};
	}
}
