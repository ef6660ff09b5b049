package org.outpost.sync.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.FrameworkUtil;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.settings.SyncSettingsStore;

/** Makes this installation's sync engine: its local database, its participants, its settings and its vault. */
public final class SyncServiceComponent implements SyncService {

	private LocalDatabase database;
	private SyncParticipants participants;
	private SyncEngine engine;

	void setDatabase(LocalDatabase database) {
		this.database = database;
	}

	void setParticipants(SyncParticipants participants) {
		this.participants = participants;
	}

	void activate() throws IOException {
		Path state = Platform.getStateLocation(FrameworkUtil.getBundle(SyncServiceComponent.class)).toPath();
		engine = new SyncEngine(database, participants, ConnectionStore.ofThisDevice(), TokenVault.open(state.resolve("vault")),
				SyncSettingsStore.ofThisDevice(), Clock.systemUTC());
		try {
			engine.markUnfinishedInitialSync();
		} catch (RuntimeException e) {
			// the sync still works; only an older device's unfinished initial sync waits for a Full by hand
			ILog.of(SyncServiceComponent.class).warn("Could not check for an unfinished initial sync: " + e.getMessage(), e);
		}
	}

	@Override
	public SyncEngine engine() {
		return engine;
	}

	@Override
	public SyncJob sync(SyncRequest request) {
		SyncJob job = new SyncJob(engine, request);
		job.schedule();
		return job;
	}
}
