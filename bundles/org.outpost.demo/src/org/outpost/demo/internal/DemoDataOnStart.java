package org.outpost.demo.internal;

import org.eclipse.core.runtime.ILog;
import org.outpost.demo.DemoGenerator;
import org.outpost.demo.DemoSizes;
import org.outpost.demo.DemoSummary;
import org.outpost.persistence.LocalDatabase;

/**
 * Started with {@code -Doutpost.demo=events=2000,seed=7} (or just {@code -Doutpost.demo=small}),
 * fills an EMPTY local database with demo data and signs in the demo administrator. A database
 * that already holds org units is never touched.
 */
public final class DemoDataOnStart {

	public static final String PROPERTY = "outpost.demo";

	private LocalDatabase database;

	void setDatabase(LocalDatabase localDatabase) {
		this.database = localDatabase;
	}

	void activate() {
		String wanted = System.getProperty(PROPERTY);
		if (wanted == null || wanted.isBlank()) {
			return;
		}
		ILog log = ILog.of(DemoDataOnStart.class);
		long orgUnits = database.read(em -> em.createQuery("SELECT COUNT(u) FROM OrgUnit u", Long.class).getSingleResult());
		if (orgUnits > 0) {
			log.info("Demo data not generated: the local database in " + database.location() + " already holds data");
			return;
		}
		DemoSizes sizes = "small".equals(wanted.strip()) ? DemoSizes.SMALL : DemoSizes.parse(wanted);
		long start = System.nanoTime();
		DemoSummary summary = new DemoGenerator(sizes).writeTo(database);
		log.info("Demo data generated in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + summary);
	}
}
