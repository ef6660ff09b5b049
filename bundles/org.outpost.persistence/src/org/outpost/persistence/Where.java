package org.outpost.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A filter for {@link JpaRecordSource}: a JPQL condition over the alias {@code r} with named
 * parameters, e.g. {@code r.status IN :statuses}. Values always go in as parameters, never into
 * the text, so what a user types cannot change the query.
 */
public record Where(String jpql, Map<String, Object> parameters) {

	/** No condition: every live record. */
	public static final Where ALL = new Where("", Map.of());

	public Where {
		Objects.requireNonNull(jpql, "jpql");
		parameters = Map.copyOf(parameters);
	}

	public static Where of(String jpql, String name, Object value) {
		return new Where(jpql, Map.of(name, value));
	}

	/** Both conditions; their parameter names must differ. */
	public Where and(Where other) {
		if (other.jpql.isEmpty()) {
			return this;
		}
		if (jpql.isEmpty()) {
			return other;
		}
		Map<String, Object> both = new HashMap<>(parameters);
		other.parameters.forEach((name, value) -> {
			if (both.putIfAbsent(name, value) != null) {
				throw new IllegalArgumentException("Two conditions use the parameter :" + name);
			}
		});
		return new Where("(" + jpql + ") AND (" + other.jpql + ")", both);
	}
}
