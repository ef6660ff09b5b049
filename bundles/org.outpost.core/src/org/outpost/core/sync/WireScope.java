package org.outpost.core.sync;

import java.time.LocalDate;

/**
 * The fields the server files a record under and filters every pull by: its org unit, location,
 * due date and owner (a user name). Null where a record has none.
 */
public record WireScope(String orgUnit, String location, LocalDate dueDate, String owner) {

	public static final WireScope NONE = new WireScope(null, null, null, null);
}
