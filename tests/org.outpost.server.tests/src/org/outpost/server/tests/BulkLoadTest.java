package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.server.ServerConfig;
import org.outpost.server.internal.store.ServerStore;

/**
 * A bulk load (the administrator's {@code putRecords}) may name more records than PostgreSQL takes
 * parameters in one statement (65,535): its locking statement and its reads go in slices. (A load of
 * that size through {@code putRecords} takes minutes here, so the locking is tested on its own.)
 */
class BulkLoadTest {

	private static final int RECORDS = 66_000;

	@TempDir
	Path folder;

	@Test
	void moreRecordsThanOneStatementTakesParametersAreLockedInSlices() throws Exception {
		ServerConfig config = TestStores.fresh(folder.resolve("server"));
		try (ServerStore store = config.jdbcUrl() == null ? ServerStore.embedded(config.dataDir(), 4)
				: ServerStore.postgresql(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), 4)) {
			List<String> ids = IntStream.range(0, RECORDS).mapToObj(n -> UUID.randomUUID().toString()).toList();

			store.writeRetrying(em -> {
				ServerStore.lockRecords(em, ids);
				return null;
			});

			List<List<String>> slices = ServerStore.slices(ids);
			assertEquals(ids, slices.stream().flatMap(List::stream).toList());
			assertEquals(List.of(1000), slices.stream().map(List::size).distinct().toList());
		}
	}
}
