package org.outpost.sync.engine;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A pulled record's body as plain values, the form {@code Syncable.applySyncedFields} reads (text,
 * Long, Double, Boolean, null, lists and maps of those), read from the page's JSON parser: the
 * fields its type's {@link RowPlan} knows by position, any other by name. No tree and no map per
 * record; {@link #toMap} makes one for the records that are merged or built as entities.
 */
final class PulledFields {

	private static final Object ABSENT = new Object();
	private static final Object[] NO_VALUES = {};
	static final PulledFields EMPTY = new PulledFields(null, NO_VALUES, null);

	private final RowPlan plan;
	private final Object[] known;
	/** Names and values of the fields the plan does not know, alternating; null when there are none. */
	private final List<Object> others;

	private PulledFields(RowPlan plan, Object[] known, List<Object> others) {
		this.plan = plan;
		this.known = known;
		this.others = others;
	}

	/** Reads the body object the parser stands at, through its end; {@code plan} may be null (every field by name). */
	static PulledFields read(RowPlan plan, JsonParser body) throws IOException {
		Object[] known = plan == null ? NO_VALUES : new Object[plan.fieldCount()];
		Arrays.fill(known, ABSENT);
		List<Object> others = null;
		while (body.nextToken() == JsonToken.FIELD_NAME) {
			String name = body.currentName();
			body.nextToken();
			Object value = plain(body);
			int field = plan == null ? -1 : plan.fieldIndex(name);
			if (field >= 0) {
				known[field] = value;
			} else {
				if (others == null) {
					others = new ArrayList<>(2);
				}
				others.add(name);
				others.add(value);
			}
		}
		return new PulledFields(plan, known, others);
	}

	/** The plan whose fields {@link #has} and {@link #value} number, or null. */
	RowPlan plan() {
		return plan;
	}

	boolean has(int field) {
		return known[field] != ABSENT;
	}

	Object value(int field) {
		return known[field];
	}

	/** How many fields the plan does not know the body holds. */
	int otherCount() {
		return others == null ? 0 : others.size() / 2;
	}

	String otherName(int other) {
		return (String) others.get(2 * other);
	}

	Object otherValue(int other) {
		return others.get(2 * other + 1);
	}

	/** The record's own fields: its body, plus the due date the server keeps in a column when the body lacks one. */
	Map<String, Object> toMap(LocalDate dueDate) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int field = 0; field < known.length; field++) {
			if (has(field)) {
				fields.put(plan.fieldName(field), known[field]);
			}
		}
		for (int other = 0; other < otherCount(); other++) {
			fields.put(otherName(other), otherValue(other));
		}
		if (dueDate != null) {
			fields.putIfAbsent("dueDate", dueDate.toString());
		}
		return fields;
	}

	/** The JSON value the parser stands at as a plain value, read through its end. */
	static Object plain(JsonParser in) throws IOException {
		return switch (in.currentToken()) {
		case VALUE_STRING -> in.getText();
		case VALUE_NULL -> null;
		case VALUE_TRUE -> Boolean.TRUE;
		case VALUE_FALSE -> Boolean.FALSE;
		// integral numbers that fit a long as Long, others as Double, as FieldValues.plain gives them
		case VALUE_NUMBER_INT -> in.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) in.getBigIntegerValue().doubleValue()
				: (Object) in.getLongValue();
		case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
		case START_ARRAY -> {
			List<Object> list = new ArrayList<>();
			while (in.nextToken() != JsonToken.END_ARRAY) {
				list.add(plain(in));
			}
			yield Collections.unmodifiableList(list);
		}
		case START_OBJECT -> {
			Map<String, Object> map = new LinkedHashMap<>();
			while (in.nextToken() == JsonToken.FIELD_NAME) {
				String name = in.currentName();
				in.nextToken();
				map.put(name, plain(in));
			}
			yield Collections.unmodifiableMap(map);
		}
		default -> throw new IllegalArgumentException("Not a JSON value: " + in.currentToken());
		};
	}
}
