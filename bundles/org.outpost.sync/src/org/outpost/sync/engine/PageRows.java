package org.outpost.sync.engine;

import java.util.HashMap;
import java.util.Map;

import org.outpost.protocol.ChangePageStream.Page;
import org.outpost.protocol.ChangePageStream.StreamedRecord;

/**
 * A page's records as the rows {@code NewRows} inserts, made on the thread that received the page
 * while the sync's thread still writes the page before it: the rows of records the device turns
 * out not to hold are inserted as they are, the others dropped. A record whose values cannot be
 * read gets none here; the page's writer builds it as an entity, which names the field.
 */
final class PageRows {

	private final Map<String, Object[]> byId = new HashMap<>();

	private PageRows() {
	}

	static PageRows of(Page<PulledFields> page, RowPlans plans) {
		PageRows rows = new PageRows();
		Map<RowPlan, RowPlan.Rows> makers = new HashMap<>();
		for (StreamedRecord<PulledFields> record : page.records()) {
			RowPlan plan = plans.plan(record.type());
			if (!record.tombstone() && plan != null && record.body().plan() == plan) {
				try {
					rows.byId.put(record.id(), makers.computeIfAbsent(plan, RowPlan::rows).row(record.id(), record.rev(), record.dueDate(), record.body()));
				} catch (IllegalArgumentException e) {
					// left to the writer, whose entity names the field
				}
			}
		}
		return rows;
	}

	/** The row made ahead for the record (each is handed out once), or null. */
	Object[] take(StreamedRecord<PulledFields> record) {
		return byId.remove(record.id());
	}
}
