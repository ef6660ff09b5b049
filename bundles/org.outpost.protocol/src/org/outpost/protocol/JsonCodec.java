package org.outpost.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.outpost.protocol.Messages.CategoryCursor;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangedCategories;
import org.outpost.protocol.Messages.ChangedRequest;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.Compatibility;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.FieldConflict;
import org.outpost.protocol.Messages.BlobStatus;
import org.outpost.protocol.Messages.Hello;
import org.outpost.protocol.Messages.LeftRecord;
import org.outpost.protocol.Messages.LoginRequest;
import org.outpost.protocol.Messages.LoginResponse;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.Outcome;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.protocol.Messages.RecordEdit;
import org.outpost.protocol.Messages.ServedPage;
import org.outpost.protocol.Messages.StoredWireRecord;
import org.outpost.protocol.Messages.WireRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of every protocol message. Writing streams through Jackson's generator, so a
 * change page never exists as a tree; reading parses one bounded request into a tree and checks
 * every field's type, so a wrong type is an {@link ErrorCode#INVALID_REQUEST} naming the field.
 * Unknown fields are ignored: a newer client may send more.
 */
public final class JsonCodec {

	private static final ObjectMapper MAPPER = new ObjectMapper();
	private static final JsonFactory FACTORY = MAPPER.getFactory();

	private JsonCodec() {
	}

	// ---- reading

	/** Parses a JSON document, failing with {@link ErrorCode#MALFORMED_JSON} when it is not one. */
	public static JsonNode parse(InputStream in) {
		try {
			JsonNode node = MAPPER.readTree(in);
			if (node == null || node.isMissingNode()) {
				throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body is empty; a JSON object was expected");
			}
			return node;
		} catch (JsonProcessingException e) {
			throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Parses JSON text as an object, e.g. a stored record body. */
	public static ObjectNode parseObject(String json) {
		try {
			JsonNode node = MAPPER.readTree(json);
			if (node == null || !node.isObject()) {
				throw new ProtocolException(ErrorCode.INVALID_REQUEST, "A JSON object was expected");
			}
			return (ObjectNode) node;
		} catch (JsonProcessingException e) {
			throw new ProtocolException(ErrorCode.MALFORMED_JSON, "Not valid JSON: " + e.getOriginalMessage());
		}
	}

	public static String toText(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("A JSON tree always serialises", e);
		}
	}

	public static ObjectNode newObject() {
		return MAPPER.createObjectNode();
	}

	public static LoginRequest loginRequest(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		return new LoginRequest(in.requiredText("user"), in.requiredText("password"), in.requiredText("deviceId"), in.text("clientVersion"));
	}

	public static ChangesRequest changesRequest(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		int limit = in.integer("limit", Protocol.DEFAULT_PAGE_SIZE);
		if (limit < 1 || limit > Protocol.MAX_PAGE_SIZE) {
			throw JsonReader.invalid("limit", "must be between 1 and " + Protocol.MAX_PAGE_SIZE);
		}
		JsonReader scope = in.child("scope");
		List<Long> held = in.longs("heldRevisions");
		if (held.size() > Protocol.MAX_HELD_REVISIONS) {
			throw JsonReader.invalid("heldRevisions", "may name at most " + Protocol.MAX_HELD_REVISIONS + " revisions");
		}
		return new ChangesRequest(in.requiredText("category"), in.text("cursor"), limit, scope == null ? DeviceScope.DEFAULT : deviceScope(scope),
				in.bool("countRemaining", false), Set.copyOf(held));
	}

	public static ChangedRequest changedRequest(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		List<CategoryCursor> categories = in.list("categories", category -> new CategoryCursor(category.requiredText("category"), category.text("cursor")));
		if (categories.size() > Protocol.MAX_CHANGED_CATEGORIES) {
			throw JsonReader.invalid("categories", "may name at most " + Protocol.MAX_CHANGED_CATEGORIES + " categories");
		}
		JsonReader scope = in.child("scope");
		return new ChangedRequest(categories, scope == null ? DeviceScope.DEFAULT : deviceScope(scope));
	}

	public static ChangedCategories changedCategories(JsonNode json) {
		return new ChangedCategories(new JsonReader(json, "").texts("changed"));
	}

	private static DeviceScope deviceScope(JsonReader in) {
		int dueToLast = in.integer("dueToLastDays", DeviceScope.DEFAULT.dueToLastDays());
		int inAdvance = in.integer("syncInAdvanceDays", DeviceScope.DEFAULT.syncInAdvanceDays());
		if (dueToLast < 0 || inAdvance < 0 || dueToLast > 36_500 || inAdvance > 36_500) {
			throw JsonReader.invalid("scope.dueToLastDays", "and scope.syncInAdvanceDays must be between 0 and 36500");
		}
		return new DeviceScope(dueToLast, inAdvance, in.texts("orgUnits"), in.texts("locations"), in.bool("syncAllRisks", false),
				in.bool("onlyMyActions", false), in.bool("closedActions", true));
	}

	public static PushRequest pushRequest(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		PushRequest request = new PushRequest(in.integer("pendingCount", 0), in.list("mutations", JsonCodec::mutation));
		if (request.mutations().size() > Protocol.MAX_MUTATIONS_PER_PUSH) {
			throw new ProtocolException(ErrorCode.BODY_TOO_LARGE,
					"A push carries at most " + Protocol.MAX_MUTATIONS_PER_PUSH + " mutations; split the batch");
		}
		return request;
	}

	private static Mutation mutation(JsonReader in) {
		String operation = in.requiredText("operation");
		Operation parsed;
		try {
			parsed = Operation.valueOf(operation.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw JsonReader.invalid("operation", "must be create, update or delete, not '" + operation + "'");
		}
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		JsonReader changes = in.child("fields");
		if (changes != null) {
			changes.object().fields().forEachRemaining(entry -> {
				JsonReader change = new JsonReader(entry.getValue(), "fields." + entry.getKey() + ".");
				fields.put(entry.getKey(), new FieldChange(nullToJsonNull(change.raw("value")), change.raw("base")));
			});
		}
		return new Mutation(in.requiredText("mutationId"), in.requiredText("type"), in.requiredText("recordId"), parsed, fields);
	}

	private static JsonNode nullToJsonNull(JsonNode value) {
		return value == null ? MAPPER.nullNode() : value;
	}

	public static RecordEdit recordEdit(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		JsonReader fields = in.child("fields");
		return new RecordEdit(in.requiredText("type"), in.requiredText("id"), fields == null ? newObject() : fields.object(),
				in.bool("delete", false));
	}

	public static Hello hello(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		JsonReader compatibility = in.child("compatibility");
		return new Hello(in.requiredText("application"), in.requiredText("serverVersion"), in.integers("protocolVersions"), in.instant("serverTime"),
				compatibility == null ? null : new Compatibility(compatibility.requiredText("verdict"), compatibility.requiredText("message")),
				in.raw("maxBlobBytes") == null ? 0 : in.longInteger("maxBlobBytes"), in.text("serverId"), in.integer("maxPageSize", 0));
	}

	public static BlobStatus blobStatus(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		return new BlobStatus(in.requiredText("sha256"), in.longInteger("size"), in.longInteger("received"), in.bool("complete", false),
				in.longInteger("maxBytes"));
	}

	public static LoginResponse loginResponse(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		return new LoginResponse(in.requiredText("token"), in.instant("expiresAt"), in.requiredText("user"), in.text("displayName"),
				in.texts("permissions"));
	}

	public static ChangePage changePage(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		return new ChangePage(in.requiredText("category"), in.list("records", JsonCodec::wireRecord), in.list("left", JsonCodec::leftRecord),
				in.text("nextCursor"), in.bool("hasMore", false), in.bool("reset", false), in.longInteger("remaining", ChangePage.UNKNOWN_REMAINING));
	}

	private static LeftRecord leftRecord(JsonReader in) {
		return new LeftRecord(in.requiredText("type"), in.requiredText("id"), in.longInteger("rev"));
	}

	public static WireRecord wireRecord(JsonNode json) {
		return wireRecord(new JsonReader(json, ""));
	}

	private static WireRecord wireRecord(JsonReader in) {
		JsonReader body = in.child("body");
		return new WireRecord(in.requiredText("type"), in.requiredText("id"), in.longInteger("rev"), in.bool("tombstone", false),
				in.text("orgUnit"), in.text("location"), in.date("dueDate"), in.text("owner"), body == null ? newObject() : body.object());
	}

	public static PushResponse pushResponse(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		return new PushResponse(in.list("results", JsonCodec::mutationResultOf));
	}

	public static MutationResult mutationResult(JsonNode json) {
		return mutationResultOf(new JsonReader(json, ""));
	}

	private static MutationResult mutationResultOf(JsonReader in) {
		Map<String, FieldConflict> conflicts = new LinkedHashMap<>();
		JsonReader fields = in.child("conflicts");
		if (fields != null) {
			fields.object().fields().forEachRemaining(entry -> conflicts.put(entry.getKey(),
					new FieldConflict(entry.getValue().get("server"), entry.getValue().get("base"), entry.getValue().get("mine"))));
		}
		return new MutationResult(in.requiredText("mutationId"), Outcome.valueOf(in.requiredText("outcome").toUpperCase(Locale.ROOT)),
				in.raw("newRev") == null ? 0 : in.longInteger("newRev"),
				in.longInteger("previousRev", MutationResult.NO_PREVIOUS_REV), conflicts, in.text("reason"));
	}

	public static ErrorBody errorBody(JsonNode json) {
		JsonReader in = new JsonReader(json, "");
		return new ErrorBody(in.requiredText("code"), in.requiredText("message"));
	}

	// ---- writing

	/** Writes any protocol message (a record of {@link Messages}, or an {@link ErrorBody}) as JSON. */
	public static void write(OutputStream out, Object message) throws IOException {
		try (JsonGenerator json = FACTORY.createGenerator(out)) {
			json.setCodec(MAPPER);
			switch (message) {
			case Hello hello -> writeHello(json, hello);
			case BlobStatus blob -> {
				json.writeStartObject();
				json.writeStringField("sha256", blob.sha256());
				json.writeNumberField("size", blob.size());
				json.writeNumberField("received", blob.received());
				json.writeBooleanField("complete", blob.complete());
				json.writeNumberField("maxBytes", blob.maxBytes());
				json.writeEndObject();
			}
			case LoginRequest login -> {
				json.writeStartObject();
				json.writeStringField("user", login.user());
				json.writeStringField("password", login.password());
				json.writeStringField("deviceId", login.deviceId());
				writeOptional(json, "clientVersion", login.clientVersion());
				json.writeEndObject();
			}
			case LoginResponse login -> {
				json.writeStartObject();
				json.writeStringField("token", login.token());
				json.writeStringField("expiresAt", login.expiresAt().toString());
				json.writeStringField("user", login.user());
				writeOptional(json, "displayName", login.displayName());
				json.writeArrayFieldStart("permissions");
				for (String permission : login.permissions()) {
					json.writeString(permission);
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			case ChangesRequest changes -> writeChangesRequest(json, changes);
			case ChangePage page -> writeChangePage(json, page);
			case ChangedRequest changed -> {
				json.writeStartObject();
				json.writeArrayFieldStart("categories");
				for (CategoryCursor category : changed.categories()) {
					json.writeStartObject();
					json.writeStringField("category", category.category());
					writeOptional(json, "cursor", category.cursor());
					json.writeEndObject();
				}
				json.writeEndArray();
				writeScope(json, changed.scope());
				json.writeEndObject();
			}
			case ChangedCategories changed -> {
				json.writeStartObject();
				writeStrings(json, "changed", changed.changed());
				json.writeEndObject();
			}
			case ServedPage page -> writeServedPage(json, page);
			case PushRequest push -> writePushRequest(json, push);
			case PushResponse push -> {
				json.writeStartObject();
				json.writeArrayFieldStart("results");
				for (MutationResult result : push.results()) {
					writeMutationResult(json, result);
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			case MutationResult result -> writeMutationResult(json, result);
			case WireRecord record -> writeRecord(json, record);
			case RecordEdit edit -> {
				json.writeStartObject();
				json.writeStringField("type", edit.type());
				json.writeStringField("id", edit.id());
				json.writeFieldName("fields");
				json.writeTree(edit.fields());
				json.writeBooleanField("delete", edit.delete());
				json.writeEndObject();
			}
			case ErrorBody error -> {
				json.writeStartObject();
				json.writeStringField("code", error.code());
				json.writeStringField("message", error.message());
				json.writeEndObject();
			}
			default -> throw new IllegalArgumentException("Not a protocol message: " + message.getClass().getName());
			}
		}
	}

	/** The message as JSON text (for the idempotency log and for tests). */
	public static String toText(Object message) {
		return new String(toBytes(message), StandardCharsets.UTF_8);
	}

	/** The message as UTF-8 JSON, the bytes an answer sends (no detour through a String: a change page is megabytes). */
	public static byte[] toBytes(Object message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			write(out, message);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void writeHello(JsonGenerator json, Hello hello) throws IOException {
		json.writeStartObject();
		json.writeStringField("application", hello.application());
		json.writeStringField("serverVersion", hello.serverVersion());
		json.writeArrayFieldStart("protocolVersions");
		for (int version : hello.protocolVersions()) {
			json.writeNumber(version);
		}
		json.writeEndArray();
		json.writeStringField("serverTime", hello.serverTime().toString());
		if (hello.compatibility() != null) {
			json.writeObjectFieldStart("compatibility");
			json.writeStringField("verdict", hello.compatibility().verdict());
			json.writeStringField("message", hello.compatibility().message());
			json.writeEndObject();
		}
		if (hello.maxBlobBytes() > 0) {
			json.writeNumberField("maxBlobBytes", hello.maxBlobBytes());
		}
		if (hello.serverId() != null) {
			json.writeStringField("serverId", hello.serverId());
		}
		if (hello.maxPageSize() > 0) {
			json.writeNumberField("maxPageSize", hello.maxPageSize());
		}
		json.writeEndObject();
	}

	private static void writeChangesRequest(JsonGenerator json, ChangesRequest changes) throws IOException {
		json.writeStartObject();
		json.writeStringField("category", changes.category());
		writeOptional(json, "cursor", changes.cursor());
		json.writeNumberField("limit", changes.limit());
		if (changes.countRemaining()) {
			json.writeBooleanField("countRemaining", true);
		}
		if (!changes.heldRevisions().isEmpty()) {
			json.writeArrayFieldStart("heldRevisions");
			for (long revision : changes.heldRevisions()) {
				json.writeNumber(revision);
			}
			json.writeEndArray();
		}
		writeScope(json, changes.scope());
		json.writeEndObject();
	}

	private static void writeScope(JsonGenerator json, DeviceScope scope) throws IOException {
		json.writeObjectFieldStart("scope");
		json.writeNumberField("dueToLastDays", scope.dueToLastDays());
		json.writeNumberField("syncInAdvanceDays", scope.syncInAdvanceDays());
		writeStrings(json, "orgUnits", scope.orgUnits());
		writeStrings(json, "locations", scope.locations());
		json.writeBooleanField("syncAllRisks", scope.syncAllRisks());
		json.writeBooleanField("onlyMyActions", scope.onlyMyActions());
		json.writeBooleanField("closedActions", scope.closedActions());
		json.writeEndObject();
	}

	private static void writeChangePage(JsonGenerator json, ChangePage page) throws IOException {
		json.writeStartObject();
		json.writeStringField("category", page.category());
		json.writeArrayFieldStart("records");
		for (WireRecord record : page.records()) {
			writeRecord(json, record);
		}
		json.writeEndArray();
		writePageEnd(json, page.left(), page.nextCursor(), page.hasMore(), page.reset(), page.remaining());
	}

	/** The same JSON as {@link #writeChangePage}; each stored body is copied to the output as it is, never parsed. */
	private static void writeServedPage(JsonGenerator json, ServedPage page) throws IOException {
		json.writeStartObject();
		json.writeStringField("category", page.category());
		json.writeArrayFieldStart("records");
		for (StoredWireRecord record : page.records()) {
			writeRecordStart(json, record.type(), record.id(), record.rev(), record.tombstone(), record.orgUnit(), record.location(), record.dueDate(),
					record.owner());
			json.writeFieldName("body");
			json.writeRawValue(record.bodyJson());
			json.writeEndObject();
		}
		json.writeEndArray();
		writePageEnd(json, page.left(), page.nextCursor(), page.hasMore(), page.reset(), page.remaining());
	}

	private static void writePageEnd(JsonGenerator json, List<LeftRecord> left, String nextCursor, boolean hasMore, boolean reset, long remaining)
			throws IOException {
		json.writeArrayFieldStart("left");
		for (LeftRecord record : left) {
			json.writeStartObject();
			json.writeStringField("type", record.type());
			json.writeStringField("id", record.id());
			json.writeNumberField("rev", record.rev());
			json.writeEndObject();
		}
		json.writeEndArray();
		writeOptional(json, "nextCursor", nextCursor);
		json.writeBooleanField("hasMore", hasMore);
		json.writeBooleanField("reset", reset);
		json.writeNumberField("remaining", remaining);
		json.writeEndObject();
	}

	/** Writes one record object; the server streams pages record by record through this. */
	public static void writeRecord(JsonGenerator json, WireRecord record) throws IOException {
		writeRecordStart(json, record.type(), record.id(), record.rev(), record.tombstone(), record.orgUnit(), record.location(), record.dueDate(),
				record.owner());
		json.writeFieldName("body");
		json.writeTree(record.body());
		json.writeEndObject();
	}

	private static void writeRecordStart(JsonGenerator json, String type, String id, long rev, boolean tombstone, String orgUnit, String location,
			LocalDate dueDate, String owner) throws IOException {
		json.writeStartObject();
		json.writeStringField("type", type);
		json.writeStringField("id", id);
		json.writeNumberField("rev", rev);
		json.writeBooleanField("tombstone", tombstone);
		writeOptional(json, "orgUnit", orgUnit);
		writeOptional(json, "location", location);
		writeOptional(json, "dueDate", dueDate == null ? null : dueDate.toString());
		writeOptional(json, "owner", owner);
	}

	private static void writePushRequest(JsonGenerator json, PushRequest push) throws IOException {
		json.writeStartObject();
		json.writeNumberField("pendingCount", push.pendingCount());
		json.writeArrayFieldStart("mutations");
		for (Mutation mutation : push.mutations()) {
			json.writeStartObject();
			json.writeStringField("mutationId", mutation.mutationId());
			json.writeStringField("type", mutation.type());
			json.writeStringField("recordId", mutation.recordId());
			json.writeStringField("operation", mutation.operation().wireName());
			json.writeObjectFieldStart("fields");
			for (Map.Entry<String, FieldChange> field : mutation.fields().entrySet()) {
				json.writeObjectFieldStart(field.getKey());
				json.writeFieldName("value");
				json.writeTree(field.getValue().value());
				if (field.getValue().base() != null) {
					json.writeFieldName("base");
					json.writeTree(field.getValue().base());
				}
				json.writeEndObject();
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	private static void writeMutationResult(JsonGenerator json, MutationResult result) throws IOException {
		json.writeStartObject();
		json.writeStringField("mutationId", result.mutationId());
		json.writeStringField("outcome", result.outcome().wireName());
		if (result.outcome() != Outcome.REJECTED) {
			json.writeNumberField("newRev", result.newRev());
		}
		if (result.previousRev() != MutationResult.NO_PREVIOUS_REV) {
			json.writeNumberField("previousRev", result.previousRev());
		}
		if (!result.conflicts().isEmpty()) {
			json.writeObjectFieldStart("conflicts");
			for (Map.Entry<String, FieldConflict> conflict : result.conflicts().entrySet()) {
				json.writeObjectFieldStart(conflict.getKey());
				writeTree(json, "server", conflict.getValue().server());
				writeTree(json, "base", conflict.getValue().base());
				writeTree(json, "mine", conflict.getValue().mine());
				json.writeEndObject();
			}
			json.writeEndObject();
		}
		writeOptional(json, "reason", result.reason());
		json.writeEndObject();
	}

	private static void writeTree(JsonGenerator json, String field, JsonNode value) throws IOException {
		json.writeFieldName(field);
		if (value == null) {
			json.writeNull();
		} else {
			json.writeTree(value);
		}
	}

	private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
		json.writeArrayFieldStart(field);
		for (String value : values) {
			json.writeString(value);
		}
		json.writeEndArray();
	}

	private static void writeOptional(JsonGenerator json, String field, String value) throws IOException {
		if (value != null) {
			json.writeStringField(field, value);
		}
	}
}
