package org.outpost.persistence;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;

import jakarta.persistence.EntityManager;

/**
 * The columns {@link NewRows} writes for an entity class, in the order it binds them: per column
 * the entity's attribute (its name and Java type, read and set on an instance) and the conversion
 * of an attribute value into the value bound for the column (EclipseLink's converters: an enum's
 * name, a date). Lets a bulk load produce the rows' values without an entity per row. Safe to use
 * from any thread; the instances it reads and sets are the caller's.
 */
public final class RowColumns {

	private final Class<?> type;
	private final List<AbstractDirectMapping> mappings;
	private final AbstractSession session;

	private RowColumns(Class<?> type, List<AbstractDirectMapping> mappings, AbstractSession session) {
		this.type = type;
		this.mappings = mappings;
		this.session = session;
	}

	/**
	 * The columns of {@code type} as EclipseLink maps them.
	 *
	 * @throws IllegalArgumentException when {@link NewRows#insertable} says no
	 */
	public static RowColumns of(EntityManager em, Class<?> type) {
		ClassDescriptor descriptor = NewRows.requireInsertable(em, type);
		List<AbstractDirectMapping> mappings = new ArrayList<>();
		for (DatabaseMapping mapping : descriptor.getMappings()) {
			mappings.add((AbstractDirectMapping) mapping);
		}
		return new RowColumns(type, List.copyOf(mappings), NewRows.session(em));
	}

	public Class<?> type() {
		return type;
	}

	public int size() {
		return mappings.size();
	}

	/** The name of the attribute the column holds. */
	public String attribute(int column) {
		return mappings.get(column).getAttributeName();
	}

	/** The Java type of the attribute the column holds ({@code int.class} for an int). */
	public Class<?> attributeType(int column) {
		AbstractDirectMapping mapping = mappings.get(column);
		Class<?> declared = mapping.getAttributeAccessor().getAttributeClass();
		return declared != null ? declared : mapping.getAttributeClassification();
	}

	/** The attribute's value in {@code entity}. */
	public Object get(int column, Object entity) {
		return mappings.get(column).getAttributeValueFromObject(entity);
	}

	/** Sets the attribute in {@code entity}, as JPA would when it reads a row. */
	public void set(int column, Object entity, Object attributeValue) {
		mappings.get(column).setAttributeValueInObject(entity, attributeValue);
	}

	/** What {@link NewRows} binds for the column when the attribute holds {@code attributeValue}. */
	public Object columnValue(int column, Object attributeValue) {
		return mappings.get(column).getFieldValue(attributeValue, session);
	}

	/** The row of {@code entity}: {@link #columnValue} of each attribute, in column order. */
	public Object[] columnValues(Object entity) {
		if (!type.isInstance(entity)) {
			throw new IllegalArgumentException(entity + " is not a " + type.getName());
		}
		Object[] row = new Object[mappings.size()];
		for (int i = 0; i < row.length; i++) {
			row[i] = columnValue(i, get(i, entity));
		}
		return row;
	}

	List<AbstractDirectMapping> mappings() {
		return mappings;
	}
}
