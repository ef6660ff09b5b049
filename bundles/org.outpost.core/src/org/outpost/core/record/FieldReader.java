package org.outpost.core.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the values of {@link Syncable#applySyncedFields} back from their wire form, the inverse of
 * {@link FieldValues}: each method gives the field's value, or {@code current} when the field is
 * absent, and throws an IllegalArgumentException naming the field and the value it cannot read.
 * Numbers may come as any Number (JSON gives Integer, Long or Double), dates as ISO text, enums
 * by constant name.
 */
public final class FieldReader {

	private FieldReader() {
	}

	/** The field's value converted by {@code reader}, or {@code current} when the field is absent. */
	public static <T> T read(Map<String, ?> fields, String name, T current, Function<Object, T> reader) {
		if (!fields.containsKey(name)) {
			return current;
		}
		Object value = fields.get(name);
		try {
			return reader.apply(value);
		} catch (RuntimeException e) {
			String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
			throw new IllegalArgumentException("The field '" + name + "' cannot be read from " + shown + ": " + e.getMessage(), e);
		}
	}

	/** Text or null. */
	public static String text(Map<String, ?> fields, String name, String current) {
		return read(fields, name, current, value -> value == null ? null : as(value, String.class, "text"));
	}

	/** A whole number that fits an int; 3.0 reads as 3, 3.5 does not. */
	public static int integer(Map<String, ?> fields, String name, int current) {
		return read(fields, name, current, value -> {
			try {
				return toBigDecimal(value).intValueExact();
			} catch (ArithmeticException e) {
				throw new IllegalArgumentException("not a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
			}
		});
	}

	/** Any number, or null. */
	public static Double decimal(Map<String, ?> fields, String name, Double current) {
		return read(fields, name, current, value -> value == null ? null : as(value, Number.class, "a number").doubleValue());
	}

	public static boolean bool(Map<String, ?> fields, String name, boolean current) {
		return read(fields, name, current, value -> as(value, Boolean.class, "true or false"));
	}

	/** An ISO date such as 2026-11-27, or null. */
	public static LocalDate date(Map<String, ?> fields, String name, LocalDate current) {
		return read(fields, name, current, value -> {
			try {
				return value == null ? null : LocalDate.parse(as(value, String.class, "a date"));
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("not a date like 2026-11-27");
			}
		});
	}

	/** An enum constant by its name. */
	public static <E extends Enum<E>> E enumOf(Map<String, ?> fields, String name, Class<E> type, E current) {
		return read(fields, name, current, value -> Enum.valueOf(type, as(value, String.class, "a " + type.getSimpleName() + " name")));
	}

	/** A list of texts; null reads as the empty list. */
	public static List<String> texts(Map<String, ?> fields, String name, List<String> current) {
		return read(fields, name, current, value -> {
			List<String> texts = new ArrayList<>();
			if (value != null) {
				as(value, List.class, "a list").forEach(element -> texts.add(as(element, String.class, "a list of texts")));
			}
			return texts;
		});
	}

	/** A map of texts by text; null reads as the empty map. */
	public static Map<String, String> textMap(Map<String, ?> fields, String name, Map<String, String> current) {
		return read(fields, name, current, value -> {
			Map<String, String> texts = new LinkedHashMap<>();
			if (value != null) {
				as(value, Map.class, "a map").forEach((key, element) -> texts.put(as(key, String.class, "a map by text"),
						element == null ? null : as(element, String.class, "a map of texts")));
			}
			return texts;
		});
	}

	private static BigDecimal toBigDecimal(Object value) {
		Number number = as(value, Number.class, "a number");
		if (number instanceof Double || number instanceof Float) {
			return BigDecimal.valueOf(number.doubleValue());
		}
		return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
	}

	private static <T> T as(Object value, Class<T> type, String expected) {
		if (!type.isInstance(value)) {
			throw new IllegalArgumentException("not " + expected);
		}
		return type.cast(value);
	}
}
