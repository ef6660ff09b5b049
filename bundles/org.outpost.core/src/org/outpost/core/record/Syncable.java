package org.outpost.core.record;

import java.util.Map;

/**
 * What of a record travels to the server: its type's stable wire name and the values of its
 * synced fields. Each entity lists its fields explicitly, so a renamed Java field never changes
 * the wire format and the outbox can diff a record before and after an edit.
 */
public interface Syncable {

	/**
	 * The record type's name on the wire, e.g. {@code event}; it never changes once released.
	 */
	String wireType();

	/**
	 * The synced fields by wire name. Values are plain: String, Long, Integer, Double, Boolean,
	 * null, Lists and string-keyed Maps of those; dates go as ISO text, enums by constant name, references by id.
	 * Iteration order is the order the fields show in, so return an ordered map.
	 */
	Map<String, Object> syncedFields();

	/**
	 * Sets each field present in {@code fields} from its wire form (the form
	 * {@link #syncedFields()} gives: numbers may arrive as any Number, dates as ISO text, enums by
	 * constant name); fields absent from the map keep their values and unknown names are ignored.
	 * It writes the fields as they are, without business-rule checks: it applies what the server,
	 * the system of record, holds.
	 *
	 * @throws IllegalArgumentException naming the field when a value cannot be read
	 */
	void applySyncedFields(Map<String, Object> fields);
}
