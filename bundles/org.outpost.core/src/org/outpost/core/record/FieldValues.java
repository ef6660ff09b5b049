package org.outpost.core.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the field map of {@link Syncable#syncedFields()} with every value in its plain wire
 * form, so that a value read back from JSON compares equal to the one the entity holds.
 */
public final class FieldValues {

	private final Map<String, Object> values = new LinkedHashMap<>();

	private FieldValues() {
	}

	public static FieldValues builder() {
		return new FieldValues();
	}

	public FieldValues put(String name, Object value) {
		if (values.containsKey(name)) {
			throw new IllegalArgumentException("The field '" + name + "' is listed twice");
		}
		values.put(name, plain(value));
		return this;
	}

	/** An unmodifiable map that keeps the order the fields were put in (null values allowed). */
	public Map<String, Object> build() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * The wire form of a value: integral numbers as Long, other numbers as Double, dates as ISO
	 * text, enums by name, collections as lists and maps as string-keyed maps of plain values (nested
	 * structures such as a form's questions); String, Boolean and null as they are.
	 */
	public static Object plain(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
			return value;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return value.toString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>();
			collection.forEach(element -> list.add(plain(element)));
			return Collections.unmodifiableList(list);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> nested = new LinkedHashMap<>();
			map.forEach((name, element) -> nested.put(String.valueOf(name), plain(element)));
			return Collections.unmodifiableMap(nested);
		}
		throw new IllegalArgumentException("Not a plain field value: " + value.getClass().getName());
	}
}
