package org.outpost.server.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A device's view of the server: real HTTP through java.net.http. Every answer is recorded
 * (method, path, status, error code) so that {@link OpenApiDocument} can check the document
 * declares all of them.
 */
final class Api {

	/** "METHOD path status" of every answer seen in this test run. */
	static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
	/** Every error code seen. */
	static final Set<String> ERROR_CODES = ConcurrentHashMap.newKeySet();

	static final String VERSION = "1.0";
	private static final Pattern BLOB_ADDRESS = Pattern.compile("^(" + Pattern.quote(Protocol.BLOBS) + "/)[^/]+");
	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();
	private final URI base;

	Api(URI base) {
		this.base = base;
	}

	/** An answer: status, body (gzip decoded), and the body as JSON when it is JSON. */
	record Reply(int status, String body, JsonNode json, HttpResponse<byte[]> response) {

		String code() {
			return json == null ? null : json.path("code").asText(null);
		}
	}

	Reply get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
	}

	/** POSTs a JSON body as a device at {@link #VERSION} with {@code token} (null: none). */
	Reply post(String path, String json, String token) {
		return post(path, json, token, VERSION);
	}

	Reply post(String path, String json, String token, String version) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", Protocol.JSON)
				.POST(BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (version != null) {
			request.header(Protocol.CLIENT_VERSION_HEADER, version);
		}
		return send(request.build());
	}

	/** POSTs a gzip-compressed JSON body. */
	Reply postGzip(String path, String json, String token) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(json.getBytes(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", Protocol.JSON).header("Content-Encoding", "gzip")
				.header("Authorization", "Bearer " + token).header(Protocol.CLIENT_VERSION_HEADER, VERSION)
				.POST(BodyPublishers.ofByteArray(bytes.toByteArray())).build());
	}

	/**
	 * PUTs blob bytes as a device at {@link #VERSION} with {@code token} (null: none), as the desktop
	 * does: {@code Expect: 100-continue}, so a refusal before the body (limit, token) arrives whole.
	 */
	Reply put(String pathAndQuery, byte[] bytes, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Content-Type", Protocol.OCTET_STREAM)
				.header(Protocol.CLIENT_VERSION_HEADER, VERSION).expectContinue(true).PUT(BodyPublishers.ofByteArray(bytes));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/** GETs as a device at {@link #VERSION} with {@code token} (null: none) and an optional Range header. */
	Reply get(String pathAndQuery, String token, String range) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).header(Protocol.CLIENT_VERSION_HEADER, VERSION).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (range != null) {
			request.header("Range", range);
		}
		return send(request.build());
	}

	Reply send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());
			boolean gzipped = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
			String body = new String(gzipped ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes() : response.body(),
					StandardCharsets.UTF_8);
			JsonNode json = response.headers().firstValue("Content-Type").orElse("").startsWith(Protocol.JSON) ? MAPPER.readTree(body) : null;
			Reply reply = new Reply(response.statusCode(), body, json, response);
			// a blob's address is a path parameter: recorded as the document names it
			String path = BLOB_ADDRESS.matcher(request.uri().getPath()).replaceFirst("$1{sha256}");
			SEEN.add(request.method() + " " + path + " " + response.statusCode());
			if (reply.status() >= 400 && reply.code() != null) {
				ERROR_CODES.add(reply.code());
			}
			return reply;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Logs in and returns the token. */
	String login(String user, String password, String deviceId) {
		Reply reply = post(Protocol.LOGIN, "{\"user\":\"" + user + "\",\"password\":\"" + password + "\",\"deviceId\":\"" + deviceId + "\"}", null);
		if (reply.status() != 200) {
			throw new AssertionError("Login of " + user + " failed: " + reply.status() + " " + reply.body());
		}
		return reply.json().get("token").asText();
	}

	static String json(Object message) {
		return JsonCodec.toText(message);
	}
}
