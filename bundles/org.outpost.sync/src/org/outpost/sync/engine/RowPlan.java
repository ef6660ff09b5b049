package org.outpost.sync.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.RowColumns;

/**
 * How a pulled record of one entity type becomes the row {@code NewRows} inserts, without an entity
 * per record. Worked out once per type from what its module declares: the wire fields are the
 * names {@link Syncable#syncedFields()} lists, the columns those of EclipseLink's mapping
 * ({@link RowColumns}). A wire field is <em>direct</em> when an attribute has its name and the
 * entity's own {@link Syncable#applySyncedFields} was seen, on sample values, to set just that
 * attribute to the value read as its Java type (text, whole number, decimal, boolean, ISO date,
 * enum constant by name); its column is then bound from the value as read. Every other field (a
 * list kept as joined text, a map kept as JSON, any field the body holds beyond the declared ones)
 * and the columns no direct field sets (id, revision, ...) go through one scratch entity per page
 * ({@link Rows}), reset for each record to a new entity's values: the module's own translation
 * decides them, as when it builds the entity.
 */
final class RowPlan {

	private static final Object ABSENT = new Object();

	/** The Java types a direct field is read as. */
	private enum Kind {
		TEXT, INTEGER, LONG, DECIMAL, BOOLEAN, DATE, ENUM;

		static Kind of(Class<?> type) {
			if (type == String.class) {
				return TEXT;
			} else if (type == int.class || type == Integer.class) {
				return INTEGER;
			} else if (type == long.class || type == Long.class) {
				return LONG;
			} else if (type == double.class || type == Double.class) {
				return DECIMAL;
			} else if (type == boolean.class || type == Boolean.class) {
				return BOOLEAN;
			} else if (type == LocalDate.class) {
				return DATE;
			} else if (type.isEnum()) {
				return ENUM;
			}
			return null;
		}

		/** Values to try the entity's translation with: they must come out as {@link #read} reads them. */
		List<Object> samples(Class<?> type) {
			return switch (this) {
			case TEXT -> List.of("probe", " Probe, with spaces ");
			case INTEGER, LONG -> List.of(7L, 11.0, -3L);
			case DECIMAL -> List.of(0.25, 3L);
			case BOOLEAN -> List.of(true, false);
			case DATE -> List.of("2001-02-03", "2030-12-31");
			case ENUM -> List.of(type.getEnumConstants()).stream().<Object>map(constant -> ((Enum<?>) constant).name()).toList();
			};
		}

		/** A plain wire value (not null) as the attribute's value; IllegalArgumentException when it is none. */
		Object read(Object value, Class<?> type) {
			return switch (this) {
			case TEXT -> as(value, String.class);
			case INTEGER -> exact(() -> whole(value).intValueExact());
			case LONG -> exact(() -> whole(value).longValueExact());
			case DECIMAL -> as(value, Number.class).doubleValue();
			case BOOLEAN -> as(value, Boolean.class);
			case DATE -> date(as(value, String.class));
			case ENUM -> enumConstant(type, as(value, String.class));
			};
		}

		private static BigDecimal whole(Object value) {
			Number number = as(value, Number.class);
			try {
				BigDecimal decimal = number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
						: BigDecimal.valueOf(number.longValue());
				return decimal.setScale(0);
			} catch (ArithmeticException | NumberFormatException e) {
				throw new IllegalArgumentException("not a whole number: " + value);
			}
		}

		private static Object exact(Supplier<Object> number) {
			try {
				return number.get();
			} catch (ArithmeticException e) {
				throw new IllegalArgumentException("out of range");
			}
		}

		private static LocalDate date(String text) {
			try {
				return LocalDate.parse(text);
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("not a date: " + text);
			}
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static Object enumConstant(Class<?> type, String name) {
			return Enum.valueOf((Class) type, name);
		}

		private static <T> T as(Object value, Class<T> type) {
			if (!type.isInstance(value)) {
				throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + value);
			}
			return type.cast(value);
		}
	}

	/** A direct field: its column, how it is read, and what null does (the entity refuses it, or sets null). */
	private record Direct(int column, Kind kind, Class<?> type, boolean refusesNull) {

		Object read(Object value) {
			if (value == null) {
				if (refusesNull) {
					throw new IllegalArgumentException("no value");
				}
				return null;
			}
			return kind.read(value, type);
		}
	}

	private final RowColumns columns;
	private final Supplier<? extends SyncedRecord> newRecord;
	private final List<String> fieldNames;
	private final Map<String, Integer> fieldIndex = new HashMap<>();
	/** By field: its direct column, or null for a field that goes through the scratch entity. */
	private final Direct[] directs;
	/** By column: the direct field that sets it, or -1. */
	private final int[] fieldOfColumn;
	private final int dueDateField;

	private RowPlan(RowColumns columns, Supplier<? extends SyncedRecord> newRecord, List<String> fieldNames, Direct[] directs) {
		this.columns = columns;
		this.newRecord = newRecord;
		this.fieldNames = fieldNames;
		this.directs = directs;
		this.fieldOfColumn = new int[columns.size()];
		Arrays.fill(fieldOfColumn, -1);
		for (int field = 0; field < fieldNames.size(); field++) {
			fieldIndex.put(fieldNames.get(field), field);
			if (directs[field] != null) {
				fieldOfColumn[directs[field].column()] = field;
			}
		}
		this.dueDateField = fieldIndex.getOrDefault("dueDate", -1);
	}

	/** The plan of the entity whose columns these are; {@code newRecord} makes a new, empty one (as JPA would). */
	static RowPlan of(RowColumns columns, Supplier<? extends SyncedRecord> newRecord) {
		List<String> names = List.copyOf(((Syncable) newRecord.get()).syncedFields().keySet());
		Direct[] directs = new Direct[names.size()];
		for (int field = 0; field < names.size(); field++) {
			directs[field] = direct(columns, newRecord, names.get(field));
		}
		return new RowPlan(columns, newRecord, names, directs);
	}

	/** The field as a direct one, when the entity's translation shows it is; null otherwise. */
	private static Direct direct(RowColumns columns, Supplier<? extends SyncedRecord> newRecord, String name) {
		int column = -1;
		for (int c = 0; c < columns.size(); c++) {
			if (columns.attribute(c).equals(name)) {
				column = c;
			}
		}
		Class<?> type = column < 0 ? null : columns.attributeType(column);
		Kind kind = type == null ? null : Kind.of(type);
		if (kind == null) {
			return null;
		}
		for (Object sample : kind.samples(type)) {
			Object expected;
			try {
				expected = kind.read(sample, type);
			} catch (IllegalArgumentException e) {
				return null;
			}
			if (applied(columns, newRecord, name, sample, column, expected) != Outcome.SETS_JUST_IT) {
				return null;
			}
		}
		return switch (applied(columns, newRecord, name, null, column, null)) {
		case SETS_JUST_IT -> new Direct(column, kind, type, false);
		case REFUSED -> new Direct(column, kind, type, true);
		case OTHER -> null;
		};
	}

	private enum Outcome {
		SETS_JUST_IT, REFUSED, OTHER
	}

	/** What the entity's own translation does with the one field set to {@code value}. */
	private static Outcome applied(RowColumns columns, Supplier<? extends SyncedRecord> newRecord, String name, Object value, int column,
			Object expected) {
		SyncedRecord record = newRecord.get();
		Object[] before = attributes(columns, record);
		try {
			((Syncable) record).applySyncedFields(Collections.singletonMap(name, value));
		} catch (IllegalArgumentException e) {
			return Outcome.REFUSED;
		}
		for (int c = 0; c < columns.size(); c++) {
			if (!Objects.equals(columns.get(c, record), c == column ? expected : before[c])) {
				return Outcome.OTHER;
			}
		}
		return Outcome.SETS_JUST_IT;
	}

	private static Object[] attributes(RowColumns columns, Object record) {
		Object[] values = new Object[columns.size()];
		for (int c = 0; c < values.length; c++) {
			values[c] = columns.get(c, record);
		}
		return values;
	}

	RowColumns columns() {
		return columns;
	}

	int fieldCount() {
		return fieldNames.size();
	}

	/** The position of a declared wire field, or -1. */
	int fieldIndex(String name) {
		Integer field = fieldIndex.get(name);
		return field == null ? -1 : field;
	}

	String fieldName(int field) {
		return fieldNames.get(field);
	}

	/** Whether a field goes straight to its column (for tests and the benchmark's notes). */
	boolean isDirect(String name) {
		int field = fieldIndex(name);
		return field >= 0 && directs[field] != null;
	}

	/** Makes rows of this plan; one per thread at a time (it holds the scratch entity). */
	Rows rows() {
		return new Rows();
	}

	/** Rows of the plan's type, made with one scratch entity. */
	final class Rows {

		private final SyncedRecord template = newRecord.get();
		private final Object[] templateAttributes = attributes(columns, template);
		private final SyncedRecord scratch = newRecord.get();
		private final Object[] attributes = new Object[columns.size()];
		private final Map<String, Object> indirect = new HashMap<>();

		private Rows() {
		}

		/**
		 * The row of a record that is not a tombstone, in {@link RowColumns} order.
		 *
		 * @throws IllegalArgumentException when a value cannot be read (building the entity names the field)
		 */
		Object[] row(String id, long rev, LocalDate dueDate, PulledFields body) {
			if (body.plan() != RowPlan.this) {
				throw new IllegalArgumentException("The body was read for another type");
			}
			System.arraycopy(templateAttributes, 0, attributes, 0, attributes.length);
			indirect.clear();
			for (int field = 0; field < directs.length; field++) {
				Object value = body.has(field) ? body.value(field) : field == dueDateField && dueDate != null ? dueDate.toString() : ABSENT;
				if (value == ABSENT) {
					continue;
				}
				if (directs[field] != null) {
					attributes[directs[field].column()] = directs[field].read(value);
				} else {
					indirect.put(fieldNames.get(field), value);
				}
			}
			for (int other = 0; other < body.otherCount(); other++) {
				indirect.put(body.otherName(other), body.otherValue(other));
			}
			// the scratch entity gets what a new one holds, with this record's direct values when it is to translate others
			boolean translate = !indirect.isEmpty();
			for (int c = 0; c < attributes.length; c++) {
				if (translate || fieldOfColumn[c] < 0) {
					columns.set(c, scratch, attributes[c]);
				}
			}
			scratch.setId(id);
			if (translate) {
				((Syncable) scratch).applySyncedFields(indirect);
			}
			scratch.setRevision(rev);
			Object[] row = new Object[attributes.length];
			for (int c = 0; c < row.length; c++) {
				row[c] = columns.columnValue(c, translate || fieldOfColumn[c] < 0 ? columns.get(c, scratch) : attributes[c]);
			}
			return row;
		}
	}
}
