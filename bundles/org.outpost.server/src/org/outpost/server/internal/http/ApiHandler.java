package org.outpost.server.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.outpost.core.ApplicationVersion;
import org.outpost.core.VersionCompatibility;
import org.outpost.protocol.ErrorBody;
import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.CategoryCursor;
import org.outpost.protocol.Messages.ChangedCategories;
import org.outpost.protocol.Messages.ChangedRequest;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.Compatibility;
import org.outpost.protocol.Messages.Hello;
import org.outpost.protocol.Messages.LoginRequest;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.protocol.Messages.RecordEdit;
import org.outpost.protocol.Messages.ServedPage;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.protocol.Protocol;
import org.outpost.protocol.ProtocolException;
import org.outpost.server.internal.store.Credential;
import org.outpost.server.internal.store.Device;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.sync.Accounts;
import org.outpost.server.internal.sync.Accounts.Caller;
import org.outpost.server.internal.sync.ChangeFeed;
import org.outpost.server.internal.sync.Directory;
import org.outpost.server.internal.sync.PushProcessor;
import org.outpost.server.internal.sync.ScopeHistory;
import org.outpost.server.internal.sync.WebEdits;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;

/**
 * The sync API on Jetty's core Handler API: routes each request, runs it in one store
 * transaction, and answers JSON, errors included ({@code {"code", "message"}}, docs/protocol.md).
 */
public final class ApiHandler extends Handler.Abstract {

	/** The most of a refused body that is read before the answer (see {@link #discard}). */
	private static final long DISCARD_AT_MOST = 8L * Protocol.MAX_REQUEST_BYTES;

	private final ServerStore store;
	private final Duration tokenValidity;
	private final Metrics metrics;
	private final Consumer<String> requestLog;
	private final Clock clock;
	private final BlobEndpoints blobs;
	private final Directory directory = new Directory();
	private final ScopeHistory scopes = new ScopeHistory();

	/**
	 * @param requestLog receives one JSON line per request; null: no request log
	 * @param maxBlobBytes the largest document blob the server takes
	 */
	public ApiHandler(ServerStore store, Duration tokenValidity, Metrics metrics, Consumer<String> requestLog, Clock clock, long maxBlobBytes) {
		this.store = store;
		this.blobs = new BlobEndpoints(store, clock, maxBlobBytes, directory);
		this.tokenValidity = tokenValidity;
		this.metrics = metrics;
		this.requestLog = requestLog;
		this.clock = clock;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		long started = System.nanoTime();
		String path = Request.getPathInContext(request);
		Answer answer;
		try {
			answer = route(path, request.getMethod(), request);
		} catch (ProtocolException e) {
			discard(request);
			answer = Answer.json(e.code().status(), e.body());
		} catch (RuntimeException e) {
			ILog.of(ApiHandler.class).error("Request " + request.getMethod() + " " + path + " failed", e);
			discard(request);
			answer = Answer.json(500, new ErrorBody(ErrorCode.INTERNAL.wireName(), "The server failed; the request changed nothing. See the server log."));
		}
		long nanos = System.nanoTime() - started;
		metrics.request(endpointName(path), answer.status(), nanos);
		if (requestLog != null) {
			requestLog.accept(JsonCodec.toText(JsonCodec.newObject().put("time", Instant.now(clock).toString()).put("method", request.getMethod())
					.put("path", path).put("status", answer.status()).put("micros", nanos / 1000)));
		}
		response.setStatus(answer.status());
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.mediaType());
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		answer.headers().forEach(response.getHeaders()::put);
		if (answer.body() == null) {
			response.write(true, ByteBuffer.wrap(answer.bytes()), callback);
			return true;
		}
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length());
		// a blob: written as it is read (this handler may block), never whole in memory
		try (OutputStream out = Content.Sink.asOutputStream(response)) {
			answer.body().writeTo(out);
		} catch (IOException | RuntimeException e) {
			ILog.of(ApiHandler.class).warn("Sending " + path + " broke off: " + e.getMessage());
			callback.failed(e);
			return true;
		}
		callback.succeeded();
		return true;
	}

	private Answer route(String path, String method, Request request) {
		String protocol = request.getHeaders().get(Protocol.PROTOCOL_HEADER);
		if (protocol != null && Protocol.SUPPORTED_VERSIONS.stream().noneMatch(version -> version.toString().equals(protocol.trim()))) {
			throw new ProtocolException(ErrorCode.UNSUPPORTED_PROTOCOL,
					"This server speaks protocol versions " + Protocol.SUPPORTED_VERSIONS + ", not '" + protocol + "'");
		}
		return switch (path) {
		case Protocol.HELLO -> only("GET", method, () -> Answer.json(200, hello(request)));
		case Protocol.LOGIN -> only("POST", method, () -> Answer.json(200, login(request)));
		case Protocol.CHANGES -> only("POST", method, () -> Answer.json(200, changes(request)));
		case Protocol.CHANGED -> only("POST", method, () -> Answer.json(200, changed(request)));
		case Protocol.PUSH -> only("POST", method, () -> Answer.json(200, push(request)));
		case Protocol.ADMIN_RECORDS -> only("POST", method, () -> Answer.json(200, editRecord(request)));
		case Protocol.HEALTH -> only("GET", method, this::health);
		case Protocol.METRICS -> only("GET", method, () -> Answer.bytes(200, "text/plain; version=0.0.4; charset=utf-8",
				metrics.text().getBytes(StandardCharsets.UTF_8)));
		default -> {
			if (path.startsWith(Protocol.BLOBS + "/")) {
				yield blobs.route(path.substring(Protocol.BLOBS.length() + 1), method, request);
			}
			throw new ProtocolException(ErrorCode.NOT_FOUND, "There is no endpoint " + path + "; see docs/protocol.md");
		}
		};
	}

	private static Answer only(String allowed, String method, Supplier<Answer> endpoint) {
		if (!allowed.equals(method)) {
			throw new ProtocolException(ErrorCode.METHOD_NOT_ALLOWED, "Use " + allowed + " here, not " + method);
		}
		return endpoint.get();
	}

	private Hello hello(Request request) {
		String presented = Request.extractQueryParameters(request).getValue(Protocol.CLIENT_VERSION_PARAMETER);
		if (presented == null) {
			presented = request.getHeaders().get(Protocol.CLIENT_VERSION_HEADER);
		}
		Compatibility compatibility = null;
		if (presented != null) {
			VersionCompatibility answer = compatibility(presented);
			compatibility = new Compatibility(answer.verdict().name().toLowerCase(Locale.ROOT), answer.message());
		}
		return new Hello("Outpost", ApplicationVersion.CURRENT.toString(), Protocol.SUPPORTED_VERSIONS, Instant.now(clock), compatibility,
				blobs.maxBytes(), store.serverId(), Protocol.MAX_PAGE_SIZE);
	}

	private Object login(Request request) {
		LoginRequest login = JsonCodec.loginRequest(readJson(request));
		String version = login.clientVersion() != null ? login.clientVersion() : request.getHeaders().get(Protocol.CLIENT_VERSION_HEADER);
		if (version != null) {
			requireCompatible(version);
		}
		Accounts.check(login);
		Credential credential = store.read(em -> em.find(Credential.class, login.user()));
		// the slow password hash outside the transaction, so it holds none of the store's turns
		boolean matches = Accounts.passwordMatches(credential, login.password());
		return store.write(em -> Accounts.login(em, directory, login, matches, tokenValidity, Instant.now(clock)));
	}

	private ServedPage changes(Request request) {
		String version = requireCompatible(request.getHeaders().get(Protocol.CLIENT_VERSION_HEADER));
		String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		ChangesRequest changes = JsonCodec.changesRequest(readJson(request));
		Instant now = Instant.now(clock);
		record Pulled(Caller caller, ServedPage page, boolean registryCurrent) {
		}
		Pulled pulled = store.read(em -> {
			Caller caller = Accounts.authenticate(em, directory, authorization, now);
			ServedPage page = ChangeFeed.page(em, caller.directory(), scopes, caller.scope(), changes, LocalDate.ofInstant(now, ZoneOffset.UTC),
					caller.committed());
			Device device = page.hasMore() ? null : em.find(Device.class, caller.deviceId());
			return new Pulled(caller, page, device != null && device.syncedRecently(now.toEpochMilli(), version));
		});
		ServedPage page = pulled.page();
		if (!page.hasMore() && !pulled.registryCurrent()) {
			// the device registry's last sync is the end of a pull; the pages before it write nothing, nor does a pull
			// right after the push of the same sync, which recorded it already (one transaction less per delta sync)
			store.write(em -> {
				deviceOf(em, pulled.caller(), version).synced(now.toEpochMilli());
				return null;
			});
		}
		metrics.add("outpost_records_served_total", "category=\"" + page.category() + "\"", page.records().size());
		return page;
	}

	/** Which of the device's categories a pull would bring anything for (protocol 2): one request instead of a pull per category. */
	private ChangedCategories changed(Request request) {
		String version = requireCompatible(request.getHeaders().get(Protocol.CLIENT_VERSION_HEADER));
		String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		ChangedRequest asked = JsonCodec.changedRequest(readJson(request));
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		record Answered(Caller caller, List<String> changed) {
		}
		Answered answered = store.read(em -> {
			Caller caller = Accounts.authenticate(em, directory, authorization, now);
			List<String> changed = new ArrayList<>();
			for (CategoryCursor category : asked.categories()) {
				if (ChangeFeed.hasChanges(em, caller.directory(), caller.scope(), category.category(), category.cursor(), asked.scope(), today)) {
					changed.add(category.category());
				}
			}
			return new Answered(caller, changed);
		});
		if (answered.changed().isEmpty()) {
			// the device pulls nothing after this answer: it is the end of its pull, which the device registry records
			store.write(em -> {
				deviceOf(em, answered.caller(), version).synced(now.toEpochMilli());
				return null;
			});
		}
		return new ChangedCategories(answered.changed());
	}

	private PushResponse push(Request request) {
		String version = requireCompatible(request.getHeaders().get(Protocol.CLIENT_VERSION_HEADER));
		String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		PushRequest push = JsonCodec.pushRequest(readJson(request));
		PushProcessor.check(push);
		Instant now = Instant.now(clock);
		// authenticated before the write: a push's write may share its transaction with others' (ServerStore.writeGrouped),
		// where the change counter counts their numbers before they commit
		Caller caller = store.read(em -> Accounts.authenticate(em, directory, authorization, now));
		List<MutationResult> results = store.writeGrouped(em -> {
			// the records first (apply locks them before it writes), then the registry
			List<MutationResult> applied = PushProcessor.apply(em, caller.scope(), push, LocalDate.ofInstant(now, ZoneOffset.UTC));
			deviceOf(em, caller, version).synced(now.toEpochMilli(), push.pendingCount());
			return applied;
		});
		results.forEach(result -> metrics.add("outpost_mutations_total", "outcome=\"" + result.outcome().wireName() + "\"", 1));
		return new PushResponse(results);
	}

	/** A web-side edit over the API, for users whose roles grant {@value Protocol#SERVER_EDIT}. */
	private WireRecord editRecord(Request request) {
		String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		RecordEdit edit = JsonCodec.recordEdit(readJson(request));
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		edit.fields().fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
		// tried again like a push: a document attached meanwhile to a record this edit moves (AttachmentScope.refileAttached)
		return store.writeRetrying(em -> {
			Caller caller = Accounts.authenticate(em, directory, authorization, Instant.now(clock));
			if (!caller.scope().permissions().contains("*") && !caller.scope().permissions().contains(Protocol.SERVER_EDIT)) {
				throw new ProtocolException(ErrorCode.FORBIDDEN, "Editing records on the web side needs the permission " + Protocol.SERVER_EDIT);
			}
			if (!edit.delete()) {
				return WebEdits.put(em, edit.type(), edit.id(), fields, caller.scope().user());
			}
			WireRecord deleted = WebEdits.delete(em, edit.id(), caller.scope().user());
			if (deleted == null) {
				throw new ProtocolException(ErrorCode.NOT_FOUND, "There is no live record " + edit.id());
			}
			return deleted;
		});
	}

	private static Device deviceOf(EntityManager em, Caller caller, String version) {
		Device device = em.find(Device.class, caller.deviceId());
		if (device == null) {
			device = new Device(caller.deviceId(), caller.scope().user());
			em.persist(device);
		}
		device.setAppVersion(version);
		return device;
	}

	private Answer health() {
		try {
			long sequence = store.lastRevision();
			return Answer.bytes(200, Protocol.JSON + "; charset=utf-8",
					("{\"status\":\"up\",\"database\":\"up\",\"sequence\":" + sequence + "}").getBytes(StandardCharsets.UTF_8));
		} catch (RuntimeException e) {
			return Answer.json(503, new ErrorBody(ErrorCode.SERVICE_UNAVAILABLE.wireName(), "The database does not answer: " + e.getMessage()));
		}
	}

	/** Checks the client version; no data moves for a version the server blocks. */
	static String requireCompatible(String presented) {
		if (presented == null) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST,
					"Send the client's application version in the " + Protocol.CLIENT_VERSION_HEADER + " header (e.g. 1.0)");
		}
		VersionCompatibility answer = compatibility(presented);
		if (!answer.allowsSync()) {
			throw new ProtocolException(ErrorCode.VERSION_BLOCKED, answer.message());
		}
		return answer.client().toString();
	}

	private static VersionCompatibility compatibility(String presented) {
		try {
			return ApplicationVersion.parse(presented).compatibilityWithServer(ApplicationVersion.CURRENT);
		} catch (IllegalArgumentException e) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, e.getMessage());
		}
	}

	private static JsonNode readJson(Request request) {
		String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
		if (type != null && !type.toLowerCase(Locale.ROOT).startsWith(Protocol.JSON)) {
			throw new ProtocolException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send " + Protocol.JSON + ", not " + type);
		}
		if (request.getLength() > Protocol.MAX_REQUEST_BYTES) {
			throw tooLarge();
		}
		try (InputStream in = new LimitedInputStream(Content.Source.asInputStream(request), Protocol.MAX_REQUEST_BYTES)) {
			return JsonCodec.parse(in);
		} catch (UncheckedIOException e) {
			if (e.getCause() instanceof LimitedInputStream.TooLarge) {
				throw tooLarge();
			}
			throw e;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reads and drops what is left of a refused body, up to a bound, before the answer. A connection
	 * closed on bytes it never read is reset, so the client may never see the answer; and Jetty
	 * closes it after an answer that may already have told the client to keep it. A client that
	 * asked {@code Expect: 100-continue} has sent nothing yet and is not asked for the body.
	 */
	private static void discard(Request request) {
		if (request.getLength() > DISCARD_AT_MOST || request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")) {
			return;
		}
		try (InputStream in = Content.Source.asInputStream(request)) {
			byte[] buffer = new byte[16 * 1024];
			long left = DISCARD_AT_MOST;
			for (int read; left > 0 && (read = in.read(buffer)) >= 0;) {
				left -= read;
			}
		} catch (IOException | RuntimeException e) {
			// the client went away or sent broken content: nobody is left to answer, or Jetty closes
		}
	}

	private static ProtocolException tooLarge() {
		return new ProtocolException(ErrorCode.BODY_TOO_LARGE, "A request body may hold at most " + Protocol.MAX_REQUEST_BYTES + " bytes");
	}

	private static String endpointName(String path) {
		return switch (path) {
		case Protocol.HELLO, Protocol.LOGIN, Protocol.CHANGES, Protocol.CHANGED, Protocol.PUSH, Protocol.ADMIN_RECORDS, Protocol.HEALTH, Protocol.METRICS ->
			path;
		default -> path.startsWith(Protocol.BLOBS + "/") ? Protocol.BLOBS : "other";
		};
	}
}
