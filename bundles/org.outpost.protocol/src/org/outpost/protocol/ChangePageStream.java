package org.outpost.protocol;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.LeftRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a change page token by token with Jackson's streaming parser, never as a tree: each
 * record's body goes to the caller's {@link BodyReader}, which reads it from the parser into
 * whatever it keeps. The same fields, types and errors as {@link JsonCodec#changePage}; unknown
 * fields are skipped.
 */
public final class ChangePageStream {

	private static final JsonFactory FACTORY = new JsonFactory();

	/** Reads one record's body. */
	public interface BodyReader<B> {

		/**
		 * Reads the body object the parser stands at (its {@code START_OBJECT}) up to and including its
		 * {@code END_OBJECT}.
		 *
		 * @param type the record's type, or null when the body came before it
		 * @throws IllegalArgumentException or {@link ProtocolException} when the body cannot be read
		 */
		B read(String type, JsonParser body) throws IOException;

		/** The body of a record sent without one. */
		B empty();
	}

	/** A record as it travels, its body as the {@link BodyReader} read it. */
	public record StreamedRecord<B>(String type, String id, long rev, boolean tombstone, String orgUnit, String location, LocalDate dueDate, String owner,
			B body) {

		public StreamedRecord {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(body, "body");
		}
	}

	/** A {@link ChangePage} whose records' bodies a {@link BodyReader} read. */
	public record Page<B>(String category, List<StreamedRecord<B>> records, List<LeftRecord> left, String nextCursor, boolean hasMore, boolean reset,
			long remaining) {

		public Page {
			records = List.copyOf(records);
			left = List.copyOf(left);
		}
	}

	private ChangePageStream() {
	}

	/**
	 * Reads a change page from its JSON text.
	 *
	 * @throws ProtocolException when it is no JSON ({@link ErrorCode#MALFORMED_JSON}) or not a change page
	 *         ({@link ErrorCode#INVALID_REQUEST}, naming the field)
	 */
	public static <B> Page<B> read(byte[] json, BodyReader<B> bodies) {
		try (JsonParser in = FACTORY.createParser(json)) {
			if (in.nextToken() != JsonToken.START_OBJECT) {
				throw JsonReader.invalid("", "must be a JSON object");
			}
			String category = null;
			List<StreamedRecord<B>> records = List.of();
			List<LeftRecord> left = List.of();
			String nextCursor = null;
			boolean hasMore = false;
			boolean reset = false;
			long remaining = ChangePage.UNKNOWN_REMAINING;
			while (in.nextToken() == JsonToken.FIELD_NAME) {
				String field = in.currentName();
				JsonToken value = in.nextToken();
				switch (field) {
				case "category" -> category = text(in, null, 0, field);
				case "records" -> records = records(in, bodies);
				case "left" -> left = left(in);
				case "nextCursor" -> nextCursor = text(in, null, 0, field);
				case "hasMore" -> hasMore = bool(in, null, 0, field);
				case "reset" -> reset = bool(in, null, 0, field);
				case "remaining" -> remaining = value == JsonToken.VALUE_NULL ? ChangePage.UNKNOWN_REMAINING : longInteger(in, null, 0, field);
				default -> in.skipChildren();
				}
			}
			if (category == null || category.isBlank()) {
				throw JsonReader.invalid("category", "is required");
			}
			return new Page<>(category, records, left, nextCursor, hasMore, reset, remaining);
		} catch (JsonParseException e) {
			throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw new ProtocolException(ErrorCode.MALFORMED_JSON, "The request body could not be read: " + e.getMessage());
		}
	}

	private static <B> List<StreamedRecord<B>> records(JsonParser in, BodyReader<B> bodies) throws IOException {
		if (in.currentToken() == JsonToken.VALUE_NULL) {
			return List.of();
		}
		expectArray(in, "records");
		List<StreamedRecord<B>> records = new ArrayList<>();
		while (in.nextToken() != JsonToken.END_ARRAY) {
			records.add(record(in, records.size(), bodies));
		}
		return records;
	}

	private static <B> StreamedRecord<B> record(JsonParser in, int index, BodyReader<B> bodies) throws IOException {
		expectObject(in, "records", index, "");
		String type = null;
		String id = null;
		Long rev = null;
		boolean tombstone = false;
		String orgUnit = null;
		String location = null;
		LocalDate dueDate = null;
		String owner = null;
		B body = null;
		while (in.nextToken() == JsonToken.FIELD_NAME) {
			String field = in.currentName();
			JsonToken value = in.nextToken();
			switch (field) {
			case "type" -> type = text(in, "records", index, field);
			case "id" -> id = text(in, "records", index, field);
			case "rev" -> rev = longInteger(in, "records", index, field);
			case "tombstone" -> tombstone = bool(in, "records", index, field);
			case "orgUnit" -> orgUnit = text(in, "records", index, field);
			case "location" -> location = text(in, "records", index, field);
			case "dueDate" -> dueDate = date(in, "records", index, field);
			case "owner" -> owner = text(in, "records", index, field);
			case "body" -> {
				if (value != JsonToken.VALUE_NULL) {
					expectObject(in, "records", index, field);
					body = bodies.read(type, in);
				}
			}
			default -> in.skipChildren();
			}
		}
		requireKey("records", index, type, id, rev);
		return new StreamedRecord<>(type, id, rev, tombstone, orgUnit, location, dueDate, owner, body == null ? bodies.empty() : body);
	}

	/** A record and a move out of the scope are both named by type, id and revision. */
	private static void requireKey(String array, int index, String type, String id, Long rev) {
		if (type == null || type.isBlank()) {
			throw JsonReader.invalid(name(array, index, "type"), "is required");
		}
		if (id == null || id.isBlank()) {
			throw JsonReader.invalid(name(array, index, "id"), "is required");
		}
		if (rev == null) {
			throw JsonReader.invalid(name(array, index, "rev"), "must be an integer");
		}
	}

	private static List<LeftRecord> left(JsonParser in) throws IOException {
		if (in.currentToken() == JsonToken.VALUE_NULL) {
			return List.of();
		}
		expectArray(in, "left");
		List<LeftRecord> left = new ArrayList<>();
		while (in.nextToken() != JsonToken.END_ARRAY) {
			int index = left.size();
			expectObject(in, "left", index, "");
			String type = null;
			String id = null;
			Long rev = null;
			while (in.nextToken() == JsonToken.FIELD_NAME) {
				String field = in.currentName();
				in.nextToken();
				switch (field) {
				case "type" -> type = text(in, "left", index, field);
				case "id" -> id = text(in, "left", index, field);
				case "rev" -> rev = longInteger(in, "left", index, field);
				default -> in.skipChildren();
				}
			}
			requireKey("left", index, type, id, rev);
			left.add(new LeftRecord(type, id, rev));
		}
		return left;
	}

	/*
	 * The helpers below take a field's place (the array, the element's index, the field; no array at
	 * the top) and name it only for an error: a page of 2,000 records would otherwise build some
	 * 16,000 names it never uses.
	 */

	/** "records[3].type", "records[3]" for the element itself, "category" at the top. */
	private static String name(String array, int index, String field) {
		if (array == null) {
			return field;
		}
		return array + "[" + index + "]" + (field.isEmpty() ? "" : "." + field);
	}

	private static String text(JsonParser in, String array, int index, String field) throws IOException {
		return switch (in.currentToken()) {
		case VALUE_NULL -> null;
		case VALUE_STRING -> in.getText();
		default -> throw JsonReader.invalid(name(array, index, field), "must be a string");
		};
	}

	private static long longInteger(JsonParser in, String array, int index, String field) throws IOException {
		if (in.currentToken() != JsonToken.VALUE_NUMBER_INT || in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
			throw JsonReader.invalid(name(array, index, field), "must be an integer");
		}
		return in.getLongValue();
	}

	/** A boolean; null and absent are false. */
	private static boolean bool(JsonParser in, String array, int index, String field) throws IOException {
		return switch (in.currentToken()) {
		case VALUE_NULL -> false;
		case VALUE_TRUE -> true;
		case VALUE_FALSE -> false;
		default -> throw JsonReader.invalid(name(array, index, field), "must be true or false");
		};
	}

	private static LocalDate date(JsonParser in, String array, int index, String field) throws IOException {
		String value = text(in, array, index, field);
		try {
			return value == null ? null : LocalDate.parse(value);
		} catch (DateTimeParseException e) {
			throw JsonReader.invalid(name(array, index, field), "must be a date like 2026-11-27");
		}
	}

	private static void expectObject(JsonParser in, String array, int index, String field) {
		if (in.currentToken() != JsonToken.START_OBJECT) {
			throw JsonReader.invalid(name(array, index, field), "must be a JSON object");
		}
	}

	private static void expectArray(JsonParser in, String field) {
		if (in.currentToken() != JsonToken.START_ARRAY) {
			throw JsonReader.invalid(field, "must be an array");
		}
	}
}
