package org.outpost.sync.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.prefs.BackingStoreException;
import org.outpost.core.ApplicationVersion;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncKind;
import org.outpost.persistence.LocalDatabase;
import org.outpost.protocol.ChangePageStream.Page;
import org.outpost.protocol.Messages.CategoryCursor;
import org.outpost.protocol.Messages.ChangedRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.Hello;
import org.outpost.protocol.Messages.LoginRequest;
import org.outpost.protocol.Messages.LoginResponse;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Messages.PushResponse;
import org.outpost.protocol.Protocol;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.connection.Connection;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.connection.KeyProtection;
import org.outpost.sync.connection.TokenVault;
import org.outpost.sync.connection.TokenVault.StoredToken;
import org.outpost.sync.engine.SyncProblem.Kind;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncHistory;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.history.SyncRun;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * The client side of sync (DESIGN.md §3), headless: the version handshake, login, then per
 * participant a push of its outbox entries, and then per participant, in the same order, a pull of
 * its category with a checkpoint per page.
 * Runs in the caller's thread; the desktop runs it in a Job holding the one sync rule, the command
 * line directly.
 */
public final class SyncEngine {

	static final int PUSH_BATCH = Protocol.MAX_MUTATIONS_PER_PUSH;
	private static final int HISTORY_KEPT = 1000;
	/**
	 * EclipseLink's hint for entities only read: the shared cache's instances, no working copy and no
	 * backup copy to compare at commit. For what a push only reads (its entries and their records)
	 * and for the held records a pull copies before it rewrites them ({@link PageApplier}).
	 */
	static final String READ_ONLY = "eclipselink.read-only";

	private final LocalDatabase database;
	private final SyncParticipants participants;
	private final ConnectionStore connections;
	private final TokenVault vault;
	private final SyncSettingsStore settings;
	private final Clock clock;
	private final HttpClient http;
	private final SyncHistory history;

	public SyncEngine(LocalDatabase database, SyncParticipants participants, ConnectionStore connections, TokenVault vault,
			SyncSettingsStore settings, Clock clock) {
		this.database = Objects.requireNonNull(database, "database");
		this.participants = Objects.requireNonNull(participants, "participants");
		this.connections = Objects.requireNonNull(connections, "connections");
		this.vault = Objects.requireNonNull(vault, "vault");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.http = ServerClient.newHttpClient();
		this.history = new SyncHistory(database, clock);
	}

	public SyncHistory history() {
		return history;
	}

	public Conflicts conflicts() {
		return new Conflicts(database, participants);
	}

	/** Discarding queued and refused changes (the Queue view). */
	public Discards discards() {
		return new Discards(database, participants);
	}

	public RecordNames recordNames() {
		return new RecordNames(database, participants);
	}

	/**
	 * When the initial full sync became due, while it is still to do (after the first login or a
	 * switch to another account, until a full sync succeeds); empty once done.
	 */
	public Optional<Instant> initialSyncDue() {
		return InitialSync.dueSince(database);
	}

	/**
	 * Marks the initial sync due on a device that logged in before it was a state of its own and
	 * never finished it, once, at the first start of a version that keeps that state: the newest
	 * full sync did not succeed (cancelled, also inside its last category, failed, or cut off), or
	 * a category of the full sync was never pulled (also after a switch to another account, which
	 * removed the cursors but kept the old account's succeeded runs). Such a device would otherwise
	 * not go on with it by itself. Called at start; later starts leave the state as the syncs set it.
	 *
	 * @return whether it marked it
	 */
	public boolean markUnfinishedInitialSync() {
		boolean loggedIn = connection().isPresent();
		boolean newestFullSucceeded = history.recentOf(SyncKind.FULL.key(), 1).stream().findFirst()
				.map(run -> run.getOutcome() == SyncOutcome.SUCCEEDED).orElse(true);
		List<String> categories = participants.of(SyncKind.FULL).stream().map(SyncParticipantDescriptor::id).toList();
		return database.write(em -> {
			if (InitialSync.checked(em)) {
				return false;
			}
			InitialSync.checkedAt(em, clock.instant());
			boolean neverPulled = categories.stream().anyMatch(category -> em.find(SyncCursor.class, category) == null);
			boolean unfinished = loggedIn && !InitialSync.isDue(em) && (!newestFullSucceeded || neverPulled);
			if (unfinished) {
				InitialSync.due(em, clock.instant());
			}
			return unfinished;
		});
	}

	/** How a person calls a sync: "Full sync", "Events sync", "Risks sync". */
	public String title(SyncRequest request) {
		String what = request.kind() != null ? request.kind().label()
				: participants.find(request.participantId()).map(SyncParticipantDescriptor::label).orElse(request.participantId());
		return what + " sync";
	}

	/**
	 * Checks the server's version, logs in and keeps the token (in the vault) and the connection.
	 *
	 * @return the version answer, whose message the user should see when it warns
	 */
	public Hello login(URI server, String user, char[] password) throws SyncProblem {
		return login(server, user, password, false);
	}

	/**
	 * Like {@link #login(URI, String, char[])}; a login to another server or as another user than
	 * the one whose data this device holds is refused while changes or conflicts of that one wait
	 * ({@link Kind#UNSENT_CHANGES}), and otherwise resets the local data when {@code resetLocalData}
	 * (the user agreed; the next sync is then an initial full sync) or is refused with what it would
	 * remove ({@link Kind#LOCAL_DATA_RESET_NEEDED}). A refused login keeps nothing.
	 */
	public Hello login(URI server, String user, char[] password, boolean resetLocalData) throws SyncProblem {
		ServerClient client = new ServerClient(server, http);
		Hello hello = checkVersion(client);
		try {
			String device = connections.deviceId();
			LoginResponse response = client.login(new LoginRequest(user, new String(password), device, ApplicationVersion.CURRENT.toString()));
			accountSwitch().logInAs(new HeldAccount(hello.serverId(), server.toString(), response.user()), connection(), resetLocalData);
			vault.store(new StoredToken(server.toString(), response.user(), response.token(), response.expiresAt()));
			connections.save(server, response.user());
			return hello;
		} catch (IOException | BackingStoreException e) {
			throw new SyncProblem(Kind.SERVER_ERROR, "Logged in, but the login could not be kept on this device: " + e.getMessage(), e);
		}
	}

	/** Where the key that encrypts this device's token is kept. */
	public KeyProtection tokenKeyProtection() {
		return vault.protection();
	}

	/** The connection this device syncs over, if it has logged in. */
	public Optional<Connection> connection() {
		try {
			return connections.load();
		} catch (BackingStoreException e) {
			return Optional.empty();
		}
	}

	/** Runs one sync to its end, recording it in the history. Never throws for what the report can say. */
	public SyncReport sync(SyncRequest request, IProgressMonitor monitor) {
		SyncRun run = history.started(request.label(), request.trigger());
		List<CategoryTraffic> traffic = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Tally tally = new Tally();
		SyncOutcome outcome;
		SyncProblem.Kind problem = null;
		String message = null;
		try {
			runSync(request, SubMonitor.convert(monitor, title(request), 100), traffic, warnings, tally);
			outcome = tally.conflicts + tally.rejects + tally.notDone.size() > 0 ? SyncOutcome.NEEDS_ATTENTION : SyncOutcome.SUCCEEDED;
			if (tally.conflicts + tally.rejects > 0) {
				message = attention(tally.conflicts, tally.rejects);
			}
			if (!tally.notDone.isEmpty()) {
				message = (message == null ? "" : message + "; ") + String.join("; ", tally.notDone);
			}
		} catch (SyncProblem e) {
			outcome = e.kind().outcome();
			problem = e.kind();
			message = e.getMessage();
		} catch (OperationCanceledException e) {
			outcome = SyncOutcome.CANCELLED;
			message = "Cancelled; the next sync goes on where this one stopped";
		} catch (RuntimeException e) {
			outcome = SyncOutcome.FAILED;
			message = e.getClass().getSimpleName() + ": " + e.getMessage();
		}
		history.finished(run, outcome, message, tally.conflicts, tally.rejects, traffic);
		if (request.kind() == SyncKind.FULL && outcome == SyncOutcome.SUCCEEDED) {
			InitialSync.done(database);
		}
		history.trim(HISTORY_KEPT);
		return new SyncReport(outcome, problem, message, List.copyOf(warnings), tally.conflicts, tally.rejects, List.copyOf(traffic));
	}

	private void runSync(SyncRequest request, SubMonitor progress, List<CategoryTraffic> traffic, List<String> warnings, Tally tally)
			throws SyncProblem {
		Connection connection = connection().orElseThrow(() -> new SyncProblem(Kind.LOGIN_NEEDED, "Log in to an Outpost server first"));
		String token = vault.load(connection.server().toString()).filter(t -> t.expiresAt().isAfter(clock.instant()))
				.map(StoredToken::token)
				.orElseThrow(() -> new SyncProblem(Kind.LOGIN_NEEDED, "Your session with " + connection.server() + " has ended; log in again"));
		ServerClient client = new ServerClient(connection.server(), http);
		Hello hello = checkVersion(client);
		accountSwitch().requireHeldServer(hello.serverId());
		if (hello.compatibility() != null && "warn".equals(hello.compatibility().verdict())) {
			warnings.add(hello.compatibility().message());
		}
		List<SyncParticipantDescriptor> chosen = request.participants(participants);
		RecordTypeIndex index = new RecordTypeIndex(participants.all());
		SyncSettings device = settings.load();
		progress.setWorkRemaining(Math.max(1, chosen.size() * 4 + 1));
		TransferSession transfers = new TransferSession(database, client, token, hello.maxBlobBytes(), tally.notDone);
		// asked now, awaited at the first pull: it travels and is answered while the first pushes are built and sent
		CompletableFuture<Set<String>> changing = changedCategories(client, token, hello, chosen, scopeOf(device));
		try {
			pushAndPull(client, token, chosen, index, device, transfers, changing, progress, traffic, tally);
		} finally {
			changing.cancel(true);
		}
		if (chosen.stream().anyMatch(p -> index.wireTypesOf(p).contains("event"))) {
			new EventRetention(database, index, clock).purge(device);
		}
		progress.split(1);
	}

	/**
	 * Every participant's content and queued changes up, in order; then, in the same order, each
	 * category down that has anything new or that this sync pushed to. The pushes go first so that
	 * the answer to which categories changed, asked before them, arrives while they run.
	 */
	private void pushAndPull(ServerClient client, String token, List<SyncParticipantDescriptor> chosen, RecordTypeIndex index, SyncSettings device,
			TransferSession transfers, CompletableFuture<Set<String>> changing, SubMonitor progress, List<CategoryTraffic> traffic, Tally tally)
			throws SyncProblem {
		List<Pushed> pushed = new ArrayList<>();
		try {
			for (SyncParticipantDescriptor participant : chosen) {
				client.resetCounters();
				ContentTransfer content = participant.participant() instanceof ContentTransfer transfer ? transfer : null;
				progress.subTask("Sending " + participant.label());
				// a change queued while the content goes up waits for the next sync: its content was not sent
				long upTo = content == null ? Long.MAX_VALUE : lastQueued();
				Map<String, String> held = content == null ? Map.of() : content.beforePush(transfers, progress.split(1));
				held.values().forEach(reason -> tally.notDone.add(participant.label() + " not sent: " + reason));
				Set<Long> heldRevisions = new HashSet<>();
				PageAhead ahead = new PageAhead(client.another(), token, participant, index, device);
				pushed.add(new Pushed(participant, content, heldRevisions, ahead));
				long up = push(client, token, participant, index, new Holds(held.keySet(), upTo), progress.split(1), tally, heldRevisions, ahead);
				new PageApplier(index).removeSettled(database, index.wireTypesOf(participant));
				pushed.getLast().sent(up, client.bytesUp(), client.bytesDown());
			}
			Set<String> changed = client.await(changing);
			while (!pushed.isEmpty()) {
				Pushed sent = pushed.get(0);
				SyncParticipantDescriptor participant = sent.participant;
				client.resetCounters();
				progress.subTask("Receiving " + participant.label());
				long down = 0;
				if (sent.pulls(changed)) {
					FirstPage first = sent.ahead.take();
					if (first == null) {
						first = firstPage(client, token, participant, index, device, sent.heldRevisions);
					}
					// the next category's first page is made while this category is written, its count of what it holds too
					Pushed next = pushed.stream().skip(1).filter(later -> later.pulls(changed)).findFirst().orElse(null);
					Runnable askNext = next == null ? () -> {
					} : () -> next.ahead.askUnlessAsked(next.heldRevisions);
					down = pull(participant, first, progress.split(1), askNext);
					sent.pulledWith(first.client());
				}
				if (sent.content != null) {
					sent.content.afterPull(transfers, progress.split(1));
				}
				pushed.remove(0);
				traffic.add(sent.traffic(down, client));
			}
		} finally {
			// what went up before the sync stopped is in its history too
			pushed.forEach(sent -> {
				sent.ahead.cancel();
				if (sent.pushed) {
					traffic.add(sent.traffic(0, null));
				}
			});
		}
	}

	/** A participant's push: how many changes and bytes went up, the revisions its pull need not bring back, its pull's first page if asked ahead. */
	private static final class Pushed {
		final SyncParticipantDescriptor participant;
		final ContentTransfer content;
		final Set<Long> heldRevisions;
		final PageAhead ahead;
		boolean pushed;
		long up;
		long bytesUp;
		long bytesDown;

		Pushed(SyncParticipantDescriptor participant, ContentTransfer content, Set<Long> heldRevisions, PageAhead ahead) {
			this.participant = participant;
			this.content = content;
			this.heldRevisions = heldRevisions;
			this.ahead = ahead;
		}

		/** Whether its category is pulled: it has anything new, or this device just pushed to it (its cursor moves past its own changes). */
		boolean pulls(Set<String> changed) {
			return changed.contains(participant.id()) || up > 0;
		}

		void sent(long changes, long bytesSent, long bytesReceived) {
			pushed = true;
			up = changes;
			bytesUp = bytesSent;
			bytesDown = bytesReceived;
		}

		/** Counts the bytes of a pull made on a client of its own (its first page was asked ahead). */
		void pulledWith(ServerClient pulling) {
			if (pulling != ahead.client) {
				return;
			}
			bytesUp += pulling.bytesUp();
			bytesDown += pulling.bytesDown();
		}

		/** @param client what went up and down since the push, besides a pull on a client of its own; null: nothing */
		CategoryTraffic traffic(long down, ServerClient client) {
			return new CategoryTraffic(participant.id(), up, down, bytesUp + (client == null ? 0 : client.bytesUp()),
					bytesDown + (client == null ? 0 : client.bytesDown()));
		}
	}

	/**
	 * A category's first page, asked on a client of its own as soon as the category's last push is
	 * answered, so that it travels while the answers are stored and the other categories pushed;
	 * kept only when the answers gave exactly the revisions it was asked to leave out.
	 */
	private final class PageAhead {
		private final ServerClient client;
		private final String token;
		private final SyncParticipantDescriptor participant;
		private final RecordTypeIndex index;
		private final SyncSettings device;
		private FirstPage asked;

		PageAhead(ServerClient client, String token, SyncParticipantDescriptor participant, RecordTypeIndex index, SyncSettings device) {
			this.client = client;
			this.token = token;
			this.participant = participant;
			this.index = index;
			this.device = device;
		}

		/** Asks for the page; a page that cannot be asked now is asked by the pull, which meets the problem there. */
		void ask(Set<Long> held) {
			cancel();
			try {
				asked = firstPage(client, token, participant, index, device, held);
			} catch (SyncProblem | RuntimeException e) {
				// the answers still to store come first
				asked = null;
			}
		}

		/** Asks for the page unless it was asked already (after this sync's pushes, with the revisions they left held). */
		void askUnlessAsked(Set<Long> held) {
			if (asked == null) {
				ask(held);
			}
		}

		void keepIfAskedAfter(Set<Long> held) {
			if (asked != null && !asked.held().equals(held)) {
				cancel();
			}
		}

		void cancel() {
			if (asked != null) {
				asked.cancel();
				asked = null;
			}
		}

		/** The page asked ahead, or null. */
		FirstPage take() {
			FirstPage first = asked;
			asked = null;
			return first;
		}
	}

	/** "1 conflicting field needs your attention", "2 conflicting fields and 1 rejected change need your attention". */
	static String attention(int conflicts, int rejects) {
		List<String> parts = new ArrayList<>();
		if (conflicts > 0) {
			parts.add(conflicts + (conflicts == 1 ? " conflicting field" : " conflicting fields"));
		}
		if (rejects > 0) {
			parts.add(rejects + (rejects == 1 ? " rejected change" : " rejected changes"));
		}
		return String.join(" and ", parts) + (conflicts + rejects == 1 ? " needs" : " need") + " your attention";
	}

	private AccountSwitch accountSwitch() {
		return new AccountSwitch(database, new RecordTypeIndex(participants.all()), settings, clock);
	}

	/**
	 * The chosen categories a pull would bring anything for, asked in one request; every chosen
	 * category from a server that does not speak protocol {@value Protocol#CHANGED_SINCE}.
	 */
	private CompletableFuture<Set<String>> changedCategories(ServerClient client, String token, Hello hello, List<SyncParticipantDescriptor> chosen,
			DeviceScope scope) throws SyncProblem {
		Set<String> ids = new LinkedHashSet<>();
		chosen.forEach(participant -> ids.add(participant.id()));
		if (!hello.protocolVersions().contains(Protocol.CHANGED_SINCE)) {
			return CompletableFuture.completedFuture(ids);
		}
		List<CategoryCursor> cursors = database.read(em -> ids.stream().map(id -> {
			SyncCursor stored = em.find(SyncCursor.class, id);
			return new CategoryCursor(id, stored == null ? null : stored.getCursor());
		}).toList());
		return client.changedAsync(token, new ChangedRequest(cursors, scope)).thenApply(answer -> Set.copyOf(answer.changed()));
	}

	private static DeviceScope scopeOf(SyncSettings device) {
		return new DeviceScope(device.dueToLastDays(), device.syncInAdvanceDays(), device.orgUnits(), device.locations(), device.syncAllRisks(), false);
	}

	private static Hello checkVersion(ServerClient client) throws SyncProblem {
		Hello hello = client.hello();
		if (hello.compatibility() != null && "block".equals(hello.compatibility().verdict())) {
			throw new SyncProblem(Kind.VERSION_BLOCKED, hello.compatibility().message());
		}
		return hello;
	}

	// ---- push --------------------------------------------------------------------------------

	/** Queued changes a push leaves for the next sync: of these records, and those queued after {@code upTo}. */
	private record Holds(Set<String> recordIds, long upTo) {
	}

	private long lastQueued() {
		return database.read(em -> em.createQuery("SELECT MAX(e.sequence) FROM OutboxEntry e", Long.class).getResultStream()
				.filter(Objects::nonNull).findFirst().orElse(0L));
	}

	/**
	 * Sends the participant's queued changes in batches and stores the answers.
	 *
	 * @param held gets the revisions this device now holds exactly as the server does
	 */
	private long push(ServerClient client, String token, SyncParticipantDescriptor participant, RecordTypeIndex index, Holds holds,
			SubMonitor monitor, Tally tally, Set<Long> held, PageAhead ahead) throws SyncProblem {
		List<String> types = index.wireTypesOf(participant);
		long sent = 0;
		if (types.isEmpty()) {
			return 0;
		}
		PushAnswers answers = new PushAnswers(database, index, clock);
		while (true) {
			checkCancel(monitor);
			List<OutboxEntry> batch = database.read(em -> {
				TypedQuery<OutboxEntry> query = holds.recordIds().isEmpty()
						? em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType IN :types AND e.sequence <= :upTo ORDER BY e.sequence",
								OutboxEntry.class)
						: em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType IN :types AND e.sequence <= :upTo"
								+ " AND e.recordId NOT IN :held ORDER BY e.sequence", OutboxEntry.class).setParameter("held", holds.recordIds());
				return query.setParameter("types", types).setParameter("upTo", holds.upTo()).setMaxResults(PUSH_BATCH).setHint(READ_ONLY, "true")
						.getResultList();
			});
			if (batch.isEmpty()) {
				return sent;
			}
			// asked after another batch's answers: it does not leave out what this one holds
			ahead.cancel();
			// counted as attempted before it leaves: an edit made while the batch is under way gets an entry of its own
			List<Mutation> mutations = database.write(em -> {
				Map<String, SyncedRecord> records = recordsOf(em, index, batch);
				List<Mutation> all = batch.stream().map(entry -> mutation(em, index, entry, records.get(entry.getRecordId()))).toList();
				// what does not fit into one request goes with the next one
				List<Mutation> fitting = all.subList(0, PushRequestSize.fitting(all, Protocol.MAX_REQUEST_BYTES));
				em.createQuery("UPDATE OutboxEntry e SET e.attempts = e.attempts + 1 WHERE e.mutationId IN :ids")
						.setParameter("ids", fitting.stream().map(Mutation::mutationId).toList()).executeUpdate();
				return List.copyOf(fitting);
			});
			List<String> ids = mutations.stream().map(Mutation::mutationId).toList();
			long pending = database.read(em -> em.createQuery("SELECT COUNT(e) FROM OutboxEntry e", Long.class).getSingleResult());
			PushResponse response;
			try {
				response = client.push(token, new PushRequest((int) Math.min(Integer.MAX_VALUE, pending), mutations));
			} catch (SyncProblem e) {
				database.write(em -> em.createQuery("UPDATE OutboxEntry e SET e.lastError = :error WHERE e.mutationId IN :ids")
						.setParameter("error", e.getMessage()).setParameter("ids", ids).executeUpdate());
				throw e;
			}
			List<OutboxEntry> answered = batch.subList(0, mutations.size());
			if (pending <= mutations.size()) {
				// nothing else was queued: the pull's first page is asked and answered while the answers are stored
				Set<Long> expected = new HashSet<>(held);
				expected.addAll(PushAnswers.heldIfStored(answered, response));
				ahead.ask(expected);
			}
			PushAnswers.Stored stored = answers.store(answered, response);
			tally.conflicts += stored.conflicts();
			tally.rejects += stored.rejects();
			held.addAll(stored.heldRevisions());
			// kept only when the answers gave exactly the revisions it was asked after
			ahead.keepIfAskedAfter(held);
			sent += mutations.size();
		}
	}

	/** The records a batch of entries is about, by id: one query per record type rather than one per entry. */
	private static Map<String, SyncedRecord> recordsOf(EntityManager em, RecordTypeIndex index, List<OutboxEntry> entries) {
		Map<String, List<String>> idsByType = new HashMap<>();
		for (OutboxEntry entry : entries) {
			idsByType.computeIfAbsent(entry.getRecordType(), type -> new ArrayList<>()).add(entry.getRecordId());
		}
		Map<String, SyncedRecord> records = new HashMap<>();
		idsByType.forEach((wireType, ids) -> {
			Class<? extends SyncedRecord> type = index.find(wireType).orElseThrow().type();
			em.createQuery("SELECT r FROM " + em.getMetamodel().entity(type).getName() + " r WHERE r.id IN :ids", type).setParameter("ids", ids)
					.setHint(READ_ONLY, "true").getResultList().forEach(record -> records.put(record.getId(), record));
		});
		return records;
	}

	private static Mutation mutation(EntityManager em, RecordTypeIndex index, OutboxEntry entry, SyncedRecord record) {
		Operation operation = Operation.valueOf(entry.getOperation().name());
		RecordTypeIndex.Entry type = index.find(entry.getRecordType()).orElseThrow();
		if (operation == Operation.DELETE || record == null) {
			return new Mutation(entry.getMutationId(), entry.getRecordType(), entry.getRecordId(), Operation.DELETE, Map.of());
		}
		return new Mutation(entry.getMutationId(), entry.getRecordType(), entry.getRecordId(), operation,
				WireTranslator.changes(type, record, entry.changes(), entry.base(), operation == Operation.CREATE, em::find));
	}

	// ---- pull --------------------------------------------------------------------------------

	/**
	 * Pulls the category from its first page, asked already (and cancelled if the pull ends before it is read).
	 *
	 * @param firstPageIn runs once the first page is in
	 */
	private long pull(SyncParticipantDescriptor participant, FirstPage first, SubMonitor monitor, Runnable firstPageIn) throws SyncProblem {
		String category = participant.id();
		ServerClient client = first.client();
		PullProgress progress = new PullProgress(participant.label(), clock);
		PageApplier applier = new PageApplier(first.index());
		try (PagesAhead pages = first.pages()) {
			boolean firstPage = true;
			while (true) {
				checkCancel(monitor);
				PagesAhead.Received received = pages.take();
				if (firstPage) {
					firstPageIn.run();
					firstPage = false;
				}
				Page<PulledFields> page = received.page();
				// the pages after it travel and are read into rows while this one is written; each is still committed with
				// its cursor, in order
				applier.apply(database, category, page, received.rows());
				progress.received(page);
				monitor.subTask(progress.describe(client.bytesDown()));
				// one unit of work per record; without a total, ten pages more is a guess that moves the bar
				long ahead = progress.ahead() >= 0 ? progress.ahead() : page.hasMore() ? 10L * client.pageSize() : 0;
				monitor.setWorkRemaining((int) Math.min(Integer.MAX_VALUE / 2, page.records().size() + ahead));
				monitor.worked(page.records().size());
				if (!page.hasMore()) {
					return progress.received();
				}
			}
		}
	}

	/**
	 * Asks for the first page of a category's pull: after the revisions {@code held} that this
	 * sync's push gave records held here (the server need not send those; at most the lowest 1000).
	 */
	private FirstPage firstPage(ServerClient client, String token, SyncParticipantDescriptor participant, RecordTypeIndex index, SyncSettings device,
			Set<Long> held) throws SyncProblem {
		String category = participant.id();
		String cursor = database.read(em -> {
			SyncCursor stored = em.find(SyncCursor.class, category);
			return stored == null ? null : stored.getCursor();
		});
		RowPlans plans = RowPlans.of(database, index, category);
		Set<Long> skip = Set.copyOf(held.stream().sorted().limit(Protocol.MAX_HELD_REVISIONS).toList());
		// the first page says how much remains also when the cursor is in the middle of the feed (a resumed or delta sync)
		return new FirstPage(client, index, Set.copyOf(held), PagesAhead.from(client, token, category, cursor, scopeOf(device), skip, plans));
	}

	/** A category's first page asked for, with the revisions it was asked after. */
	private record FirstPage(ServerClient client, RecordTypeIndex index, Set<Long> held, PagesAhead pages) {

		void cancel() {
			pages.close();
		}
	}

	private static void checkCancel(IProgressMonitor monitor) {
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
	}

	/** Conflicts, rejects and what a content transfer could not do in one run. */
	private static final class Tally {
		int conflicts;
		int rejects;
		final List<String> notDone = new ArrayList<>();
	}
}
