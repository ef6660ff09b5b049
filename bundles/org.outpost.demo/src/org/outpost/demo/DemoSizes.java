package org.outpost.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much demo data to make. The org unit tree is a root with {@code regions} regions of
 * {@code sitesPerRegion} sites each; every site has {@code locationsPerSite} locations.
 *
 * @param findingsPerEvent average findings per event (0 for none)
 * @param actionsPerFinding average actions per finding; every non-conformance gets at least one
 */
public record DemoSizes(long seed, int regions, int sitesPerRegion, int locationsPerSite, int users, int forms, int events,
		double findingsPerEvent, double actionsPerFinding, int obligations, int risks) {

	/** A laptop's worth: enough to look real on screen. */
	public static final DemoSizes SMALL = new DemoSizes(42, 4, 5, 3, 25, 6, 2_000, 1.0, 1.0, 150, 60);

	public DemoSizes {
		if (regions < 1 || sitesPerRegion < 1 || locationsPerSite < 1 || users < 1 || forms < 1) {
			throw new IllegalArgumentException("Demo data needs at least one region, site, location, user and form");
		}
		if (events < 0 || obligations < 0 || risks < 0 || findingsPerEvent < 0 || actionsPerFinding < 0) {
			throw new IllegalArgumentException("Demo sizes are never negative");
		}
	}

	/**
	 * Sizes from text such as {@code events=100000,seed=7,findings=2}; names left out keep their
	 * {@link #SMALL} value. Names: seed, regions, sites, locations, users, forms, events, findings,
	 * actions, obligations, risks.
	 */
	public static DemoSizes parse(String text) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			String[] pair = part.split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("Write demo sizes as name=value pairs, e.g. events=1000,seed=7: '" + part + "'");
			}
			given.put(pair[0].strip(), pair[1].strip());
		}
		DemoSizes d = SMALL;
		try {
			DemoSizes sizes = new DemoSizes(Long.parseLong(given.getOrDefault("seed", "" + d.seed)),
					Integer.parseInt(given.getOrDefault("regions", "" + d.regions)), Integer.parseInt(given.getOrDefault("sites", "" + d.sitesPerRegion)),
					Integer.parseInt(given.getOrDefault("locations", "" + d.locationsPerSite)), Integer.parseInt(given.getOrDefault("users", "" + d.users)),
					Integer.parseInt(given.getOrDefault("forms", "" + d.forms)), Integer.parseInt(given.getOrDefault("events", "" + d.events)),
					Double.parseDouble(given.getOrDefault("findings", "" + d.findingsPerEvent)),
					Double.parseDouble(given.getOrDefault("actions", "" + d.actionsPerFinding)),
					Integer.parseInt(given.getOrDefault("obligations", "" + d.obligations)), Integer.parseInt(given.getOrDefault("risks", "" + d.risks)));
			given.keySet().removeAll(List.of("seed", "regions", "sites", "locations", "users", "forms", "events", "findings", "actions", "obligations", "risks"));
			if (!given.isEmpty()) {
				throw new IllegalArgumentException("Unknown demo sizes " + given.keySet()
						+ "; known: seed, regions, sites, locations, users, forms, events, findings, actions, obligations, risks");
			}
			return sizes;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("A demo size is a number: " + e.getMessage(), e);
		}
	}
}
