package org.outpost.persistence.internal;

import java.sql.SQLException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.logging.DefaultSessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's log without the warning every start gave: extending existing tables
 * ({@code create-or-extend-tables}) adds their foreign keys again, and the database refuses each
 * as a name already in use. Only that refusal is left out; every other message passes.
 */
public final class SchemaExtensionLog extends DefaultSessionLog {

	/** HSQLDB's error code for a name already in use. */
	private static final int HSQLDB_NAME_EXISTS = -5504;
	/** PostgreSQL's SQL state for a duplicate object. */
	private static final String POSTGRESQL_DUPLICATE_OBJECT = "42710";

	/** EclipseLink makes it by name ({@code eclipselink.logging.logger}). */
	public SchemaExtensionLog() {
	}

	@Override
	public void log(SessionLogEntry entry) {
		if (!isForeignKeyAddedAgain(entry.getException())) {
			super.log(entry);
		}
	}

	static boolean isForeignKeyAddedAgain(Throwable thrown) {
		if (!(thrown instanceof DatabaseException refused) || !(refused.getInternalException() instanceof SQLException cause)) {
			return false;
		}
		boolean nameInUse = cause.getErrorCode() == HSQLDB_NAME_EXISTS || POSTGRESQL_DUPLICATE_OBJECT.equals(cause.getSQLState());
		String message = refused.getMessage();
		return nameInUse && message != null && message.contains("ADD CONSTRAINT") && message.contains("FOREIGN KEY");
	}
}
