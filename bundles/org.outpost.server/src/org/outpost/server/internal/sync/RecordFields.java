package org.outpost.server.internal.sync;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.ProtocolException;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record's fields by name, the way mutations address them: the scope fields {@code orgUnit},
 * {@code location}, {@code dueDate} and {@code owner} live in columns, every other field in the
 * JSON body.
 */
public final class RecordFields {

	public static final Set<String> SCOPE_FIELDS = Set.of("orgUnit", "location", "dueDate", "owner");
	private static final Set<String> RESERVED = Set.of("id", "type", "rev", "tombstone");
	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private RecordFields() {
	}

	/** Checks a field name and, for a scope field, the value's type; an invalid request otherwise. */
	public static void check(String field, JsonNode value) {
		if (!NAME.matcher(field).matches() || RESERVED.contains(field)) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST,
					"'" + field + "' is not a field a mutation may change (letters, digits and '_', not id, type, rev or tombstone)");
		}
		if (SCOPE_FIELDS.contains(field) && !value.isNull() && !value.isTextual()) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be a string or null");
		}
		if (field.equals("dueDate") && value.isTextual()) {
			try {
				LocalDate.parse(value.textValue());
			} catch (DateTimeParseException e) {
				throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The field 'dueDate' must be a date like 2026-11-27");
			}
		}
	}

	/** The field's current value (JSON null when unset). */
	public static JsonNode get(StoredRecord record, ObjectNode body, String field) {
		return switch (field) {
		case "orgUnit" -> text(record.getOrgUnit());
		case "location" -> text(record.getLocation());
		case "dueDate" -> text(record.getDueDate() == null ? null : record.getDueDate().toString());
		case "owner" -> text(record.getOwner());
		default -> body.has(field) ? body.get(field) : NullNode.getInstance();
		};
	}

	private static JsonNode text(String value) {
		return value == null ? NullNode.getInstance() : JsonNodeFactory.instance.textNode(value);
	}

	/** Sets a field already {@link #check checked}; JSON null clears it. */
	public static void set(StoredRecord record, ObjectNode body, String field, JsonNode value) {
		String text = value.isNull() ? null : value.asText();
		switch (field) {
		case "orgUnit" -> record.setOrgUnit(text);
		case "location" -> record.setLocation(text);
		case "dueDate" -> record.setDueDate(text == null ? null : LocalDate.parse(text));
		case "owner" -> record.setOwner(text);
		default -> {
			if (value.isNull()) {
				body.remove(field);
			} else {
				body.set(field, value);
			}
		}
		}
	}

	/** Equal as JSON values: numbers by value (1 = 1.0), absent = null. */
	public static boolean same(JsonNode a, JsonNode b) {
		boolean aNull = a == null || a.isNull() || a.isMissingNode();
		boolean bNull = b == null || b.isNull() || b.isMissingNode();
		if (aNull || bNull) {
			return aNull && bNull;
		}
		if (a.isNumber() && b.isNumber()) {
			return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
		}
		return a.equals(b);
	}
}
