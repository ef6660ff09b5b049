package org.outpost.sync.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.outpost.core.record.FieldValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Field maps as JSON objects, the form the outbox stores and the server receives. */
final class FieldJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();
	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private FieldJson() {
	}

	static String write(Map<String, Object> fields) {
		try {
			return MAPPER.writeValueAsString(fields);
		} catch (JsonProcessingException e) {
			throw new IllegalArgumentException("Field values that cannot be written as JSON: " + e.getOriginalMessage(), e);
		}
	}

	/** The fields in their plain form (see {@link FieldValues#plain}), in stored order. */
	static Map<String, Object> read(String json) {
		if (json == null || json.isEmpty()) {
			return new LinkedHashMap<>();
		}
		try {
			Map<String, Object> fields = new LinkedHashMap<>();
			MAPPER.readValue(json, MAP).forEach((name, value) -> fields.put(name, FieldValues.plain(value)));
			return fields;
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("A damaged outbox entry: " + e.getOriginalMessage(), e);
		}
	}
}
