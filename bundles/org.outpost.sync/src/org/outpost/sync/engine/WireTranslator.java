package org.outpost.sync.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.outpost.core.record.FieldValues;
import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.RecordLookup;
import org.outpost.core.sync.WireScope;
import org.outpost.protocol.Messages.FieldChange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Between a local record's field map and the wire: a record's own fields travel by their names;
 * the scope fields the server files it under ({@code orgUnit}, {@code location}, {@code dueDate},
 * {@code owner}) are worked out by its participant and travel beside them.
 */
final class WireTranslator {

	static final ObjectMapper JSON = new ObjectMapper();

	private WireTranslator() {
	}

	/** The changed fields of a create or edit, with the scope fields they move. */
	static Map<String, FieldChange> changes(RecordTypeIndex.Entry type, SyncedRecord record, Map<String, Object> changes, Map<String, Object> base,
			boolean create, RecordLookup lookup) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		changes.forEach((name, value) -> fields.put(name, new FieldChange(json(value), create ? NullNode.getInstance() : json(base.get(name)))));
		WireScope now = type.participant().participant().scopeOf((Syncable) record, lookup);
		WireScope before = create ? WireScope.NONE : type.participant().participant().scopeOf(asItWas(type, record, base), lookup);
		scope(fields, "orgUnit", now.orgUnit(), before.orgUnit());
		scope(fields, "location", now.location(), before.location());
		scope(fields, "dueDate", now.dueDate() == null ? null : now.dueDate().toString(), before.dueDate() == null ? null : before.dueDate().toString());
		scope(fields, "owner", now.owner(), before.owner());
		return fields;
	}

	static JsonNode json(Object value) {
		// the plain values a field map holds mostly, made directly: valueToTree writes each through a buffer first
		return switch (value) {
		case null -> NullNode.getInstance();
		case String text -> TextNode.valueOf(text);
		case Boolean bool -> BooleanNode.valueOf(bool);
		case Integer number -> IntNode.valueOf(number);
		case Long number -> LongNode.valueOf(number);
		case Double number -> DoubleNode.valueOf(number);
		default -> JSON.valueToTree(value);
		};
	}

	static String text(JsonNode value) {
		return value == null ? "null" : value.toString();
	}

	/** A value as a record's field map holds it. */
	static Object plain(JsonNode value) {
		return value == null || value.isNull() ? null : FieldValues.plain(JSON.convertValue(value, Object.class));
	}

	private static void scope(Map<String, FieldChange> fields, String name, String now, String before) {
		if (!fields.containsKey(name) && !Objects.equals(now, before)) {
			fields.put(name, new FieldChange(json(now), json(before)));
		}
	}

	/** A copy of the record with the edited fields set back to the values the edit started from. */
	private static Syncable asItWas(RecordTypeIndex.Entry type, SyncedRecord record, Map<String, Object> base) {
		Syncable copy = (Syncable) type.newRecord();
		copy.applySyncedFields(((Syncable) record).syncedFields());
		copy.applySyncedFields(base);
		return copy;
	}
}
