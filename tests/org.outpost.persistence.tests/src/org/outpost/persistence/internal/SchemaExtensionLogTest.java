package org.outpost.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.outpost.admin.Role;
import org.outpost.persistence.EntityManagerFactories;

import jakarta.persistence.EntityManagerFactory;

/**
 * Opening a database whose tables exist extends them and adds their foreign keys again, which the
 * database refuses; the log no longer shows that refusal on every start, and still shows the rest.
 */
class SchemaExtensionLogTest {

	@Test
	void aSecondStartLogsNoRefusedForeignKey() throws Exception {
		Path folder = Files.createTempDirectory("schema-log");
		DataSource database = EntityManagerFactories.hsqldbIn(folder.resolve("db"));
		try {
			String first = startAndStop(database);
			String second = startAndStop(database);

			assertFalse(first.contains("already exists"), first);
			assertFalse(second.contains("already exists"), "the second start added the role table's foreign key again: " + second);
			assertFalse(second.contains("EL Warning"), second);
		} finally {
			EntityManagerFactories.shutDownHsqldb(database);
		}
	}

	@Test
	void otherDatabaseWarningsStillPass() {
		SQLException tableMissing = new SQLException("user lacks privilege or object not found: OUTPOST_ROLE", "42501", -5501);
		assertFalse(SchemaExtensionLog.isForeignKeyAddedAgain(DatabaseException.sqlException(tableMissing)));
		SQLException keyExists = new SQLException("object name already exists: FK_OUTPOST_ROLE_PERMISSION_ROLE_ID in statement"
				+ " [ALTER TABLE OUTPOST_ROLE_PERMISSION ADD CONSTRAINT FK_OUTPOST_ROLE_PERMISSION_ROLE_ID FOREIGN KEY (ROLE_ID) REFERENCES"
				+ " OUTPOST_ROLE (ID)]", "42504", -5504);
		assertTrue(SchemaExtensionLog.isForeignKeyAddedAgain(DatabaseException.sqlException(keyExists)));
	}

	/** Opens a factory over the database (creating or extending its tables) and closes it; returns what it printed (out and err). */
	private static String startAndStop(DataSource database) {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream out = System.out;
		PrintStream err = System.err;
		PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
		System.setOut(capture);
		System.setErr(capture);
		try {
			EntityManagerFactory factory = EntityManagerFactories.open("schema-log-" + UUID.randomUUID(), database, List.of(Role.class),
					EntityManagerFactories.HSQLDB);
			assertEquals(0L, EntityManagerFactories.read(factory, em -> em.createQuery("SELECT COUNT(r) FROM Role r", Long.class).getSingleResult()));
			factory.close();
		} finally {
			System.setOut(out);
			System.setErr(err);
		}
		return printed.toString(StandardCharsets.UTF_8);
	}
}
