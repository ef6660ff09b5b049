package org.outpost.sync.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.NewRows;
import org.outpost.persistence.RowColumns;
import org.outpost.protocol.ChangePageStream;

import com.fasterxml.jackson.core.JsonParser;

/**
 * The {@link RowPlan}s of a category's types that {@link NewRows} can write, made once per pull,
 * and the reader of the pulled bodies: a body of such a type is read into that plan's fields,
 * any other by name.
 */
final class RowPlans implements ChangePageStream.BodyReader<PulledFields> {

	private final Map<String, RowPlan> byWireType;

	private RowPlans(Map<String, RowPlan> byWireType) {
		this.byWireType = byWireType;
	}

	static RowPlans of(LocalDatabase database, RecordTypeIndex index, String category) {
		return new RowPlans(database.read(em -> {
			Map<String, RowPlan> plans = new HashMap<>();
			for (String wireType : index.wireTypesOfCategory(category)) {
				RecordTypeIndex.Entry type = index.find(wireType).orElseThrow();
				if (NewRows.insertable(em, type.type())) {
					plans.put(wireType, RowPlan.of(RowColumns.of(em, type.type()), type::newRecord));
				}
			}
			return plans;
		}));
	}

	/** The plan of a wire type, or null when its records are built as entities. */
	RowPlan plan(String wireType) {
		return byWireType.get(wireType);
	}

	@Override
	public PulledFields read(String type, JsonParser body) throws IOException {
		return PulledFields.read(type == null ? null : byWireType.get(type), body);
	}

	@Override
	public PulledFields empty() {
		return PulledFields.EMPTY;
	}
}
