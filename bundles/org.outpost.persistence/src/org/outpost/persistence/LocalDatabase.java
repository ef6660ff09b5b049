package org.outpost.persistence;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The device's local database, shared by every module (an OSGi service). Entity classes come
 * from the {@code org.outpost.persistence.entities} extension point.
 * <p>
 * Work runs with a fresh EntityManager that is closed afterwards; nothing managed leaks out.
 */
public interface LocalDatabase {

	/** Runs read-only work. */
	<R> R read(Function<EntityManager, R> work);

	/**
	 * Runs work in ONE transaction: committed when {@code work} returns, rolled back entirely
	 * when it throws (the exception is rethrown).
	 */
	<R> R write(Function<EntityManager, R> work);

	/** The entity classes contributed by the installed modules, in load order. */
	List<Class<?>> entityClasses();

	/** Where the data lives, for messages and the About dialog (a folder or a JDBC URL). */
	String location();
}
