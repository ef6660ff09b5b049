package org.outpost.server.internal.store;

import java.time.LocalDate;

/** The columns of a record that decide which devices hold it. */
public record ScopeColumns(String orgUnit, String location, LocalDate dueDate, String owner, String status) {

	public static ScopeColumns of(StoredRecord record) {
		return new ScopeColumns(record.getOrgUnit(), record.getLocation(), record.getDueDate(), record.getOwner(), record.getStatus());
	}
}
