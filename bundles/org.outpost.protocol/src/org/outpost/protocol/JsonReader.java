package org.outpost.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Strict reads of a JSON object's fields: a missing required field or a wrong type is an invalid request naming the field. */
final class JsonReader {

	private final JsonNode node;
	private final String path;

	JsonReader(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw invalid(path, "must be a JSON object");
		}
		this.node = node;
		this.path = path;
	}

	ObjectNode object() {
		return (ObjectNode) node;
	}

	String requiredText(String field) {
		String value = text(field);
		if (value == null || value.isBlank()) {
			throw invalid(path + field, "is required");
		}
		return value;
	}

	String text(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw invalid(path + field, "must be a string");
		}
		return value.textValue();
	}

	int integer(String field, int absent) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return absent;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw invalid(path + field, "must be an integer");
		}
		return value.intValue();
	}

	long longInteger(String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
			throw invalid(path + field, "must be an integer");
		}
		return value.longValue();
	}

	long longInteger(String field, long absent) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? absent : longInteger(field);
	}

	boolean bool(String field, boolean absent) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return absent;
		}
		if (!value.isBoolean()) {
			throw invalid(path + field, "must be true or false");
		}
		return value.booleanValue();
	}

	LocalDate date(String field) {
		String value = text(field);
		try {
			return value == null ? null : LocalDate.parse(value);
		} catch (DateTimeParseException e) {
			throw invalid(path + field, "must be a date like 2026-11-27");
		}
	}

	Instant instant(String field) {
		String value = text(field);
		try {
			return value == null ? null : Instant.parse(value);
		} catch (DateTimeParseException e) {
			throw invalid(path + field, "must be a UTC time like 2026-11-27T10:15:30Z");
		}
	}

	/** The field as an object reader, or null when absent. */
	JsonReader child(String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : new JsonReader(value, path + field + ".");
	}

	/** The field as a raw JSON value (absent: null; JSON null: a null node). */
	JsonNode raw(String field) {
		return node.get(field);
	}

	<T> List<T> list(String field, Function<JsonReader, T> element) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw invalid(path + field, "must be an array");
		}
		List<T> items = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			items.add(element.apply(new JsonReader(value.get(i), path + field + "[" + i + "].")));
		}
		return items;
	}

	List<String> texts(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw invalid(path + field, "must be an array of strings");
		}
		List<String> items = new ArrayList<>(value.size());
		for (JsonNode item : value) {
			if (!item.isTextual()) {
				throw invalid(path + field, "must be an array of strings");
			}
			items.add(item.textValue());
		}
		return items;
	}

	List<Integer> integers(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		List<Integer> items = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.canConvertToInt() || !item.isIntegralNumber()) {
				throw invalid(path + field, "must be an array of integers");
			}
			items.add(item.intValue());
		}
		return items;
	}

	List<Long> longs(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw invalid(path + field, "must be an array of integers");
		}
		List<Long> items = new ArrayList<>(value.size());
		for (JsonNode item : value) {
			if (!item.isIntegralNumber() || !item.canConvertToLong()) {
				throw invalid(path + field, "must be an array of integers");
			}
			items.add(item.longValue());
		}
		return items;
	}

	static ProtocolException invalid(String field, String problem) {
		String name = field.endsWith(".") ? field.substring(0, field.length() - 1) : field;
		return new ProtocolException(ErrorCode.INVALID_REQUEST, (name.isEmpty() ? "The request body" : "The field '" + name + "'") + " " + problem);
	}
}
