package org.outpost.sync.benchmark;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.outpost.core.ApplicationVersion;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.LoginRequest;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.protocol.Protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Another device of the same officer, speaking the sync protocol: it makes the server-side changes a delta sync pulls. */
final class OtherDevice {

	private final URI server;
	private final HttpClient http = HttpClient.newHttpClient();
	private final String token;

	OtherDevice(URI server) throws IOException, InterruptedException {
		this.server = server;
		this.token = JsonCodec.loginResponse(JsonCodec.parse(post(Protocol.LOGIN, null,
				new LoginRequest(BenchmarkData.USER, BenchmarkData.PASSWORD, UUID.randomUUID().toString(), ApplicationVersion.CURRENT.toString()))))
				.token();
	}

	/** Gives the given events (still with their first titles) new titles in one push; every edit must apply. */
	void retitle(List<Integer> events, IntFunction<String> title) throws IOException, InterruptedException {
		List<Mutation> mutations = events.stream().map(n -> {
			Map<String, FieldChange> fields = new LinkedHashMap<>();
			fields.put("title", new FieldChange(JsonNodeFactory.instance.textNode(title.apply(n)), JsonNodeFactory.instance.textNode(BenchmarkData.eventTitle(n))));
			return new Mutation(UUID.randomUUID().toString(), "event", BenchmarkData.eventId(n), Operation.UPDATE, fields);
		}).toList();
		PushResponse response = JsonCodec.pushResponse(JsonCodec.parse(post(Protocol.PUSH, token, new PushRequest(mutations.size(), mutations))));
		for (MutationResult result : response.results()) {
			if (result.outcome() != Outcome.APPLIED) {
				throw new IllegalStateException("The other device's edit was not applied: " + result);
			}
		}
	}

	/**
	 * Pulls the categories from the beginning in pages of the largest size, with the default scope,
	 * and writes every record as the server sent it, one JSON object a line: the records another
	 * replication protocol is measured with (docs/benchmarks.md). Returns how many it wrote.
	 */
	long exportFeed(List<String> categories, Path file) throws IOException, InterruptedException {
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (String category : categories) {
				String cursor = null;
				boolean more = true;
				while (more) {
					JsonNode page = JsonCodec.parse(post(Protocol.CHANGES, token, new ChangesRequest(category, cursor, Protocol.MAX_PAGE_SIZE, DeviceScope.DEFAULT)));
					for (JsonNode record : page.path("records")) {
						out.write(record.toString()); // JsonNode writes itself as JSON
						out.newLine();
						written++;
					}
					cursor = page.path("nextCursor").asText(null);
					more = page.path("hasMore").asBoolean();
				}
			}
		}
		return written;
	}

	private InputStream post(String path, String bearer, Object message) throws IOException, InterruptedException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		JsonCodec.write(body, message);
		HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", Protocol.JSON)
				.header(Protocol.CLIENT_VERSION_HEADER, ApplicationVersion.CURRENT.toString()).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body().readAllBytes()));
		}
		return response.body();
	}
}
