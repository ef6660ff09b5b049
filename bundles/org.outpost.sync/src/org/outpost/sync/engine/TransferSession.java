package org.outpost.sync.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.outpost.persistence.LocalDatabase;
import org.outpost.protocol.Messages.BlobStatus;
import org.outpost.sync.engine.SyncProblem.Kind;
import org.outpost.sync.outbox.Operation;

/**
 * What a {@link ContentTransfer} works with during one sync: the local database, the server's blob
 * limit, and chunked, resumable, SHA-256 verified blob transfers over the sync's connection (their
 * bytes count in the participant's traffic). Progress: one unit of work per KiB moved.
 */
public final class TransferSession {

	/** Bytes per upload chunk and per download range. */
	public static final int CHUNK_BYTES = 1024 * 1024;
	/** How often an upload re-reads the server's offset when another sender got in between. */
	private static final int OFFSET_RETRIES = 3;

	private final LocalDatabase database;
	private final ServerClient client;
	private final String token;
	private final long maxBlobBytes;
	private final List<String> notDone;

	TransferSession(LocalDatabase database, ServerClient client, String token, long maxBlobBytes, List<String> notDone) {
		this.database = Objects.requireNonNull(database, "database");
		this.client = client;
		this.token = token;
		this.maxBlobBytes = maxBlobBytes;
		this.notDone = notDone;
	}

	public LocalDatabase database() {
		return database;
	}

	/** The largest blob the server takes, as its hello said; 0 when it did not say. */
	public long maxBlobBytes() {
		return maxBlobBytes;
	}

	/** The ids of records of this wire type with a queued create or update: what the next push sends. */
	public Set<String> queuedRecordIds(String wireType) {
		return new TreeSet<>(database.read(em -> em
				.createQuery("SELECT e.recordId FROM OutboxEntry e WHERE e.recordType = :type AND e.operation <> :delete", String.class)
				.setParameter("type", wireType).setParameter("delete", Operation.DELETE).getResultList()));
	}

	/** Reports something this sync could not do (a file not fetched): the run ends as needing attention, with this message. */
	public void notDone(String message) {
		notDone.add(message);
	}

	/**
	 * Sends {@code file} as the blob {@code sha256} unless the server already holds it, going on
	 * from the bytes the server already has (a cut upload resumes).
	 *
	 * @throws TransferRefused when the server refuses this blob (too large, bytes not matching the address)
	 */
	public void upload(String sha256, Path file, IProgressMonitor monitor) throws SyncProblem, TransferRefused {
		long size = size(file);
		BlobStatus status = refusable(() -> client.blobStatus(token, sha256));
		if (status.complete()) {
			monitor.worked(kib(size));
			return;
		}
		if (status.maxBytes() > 0 && size > status.maxBytes()) {
			throw new TransferRefused("it has " + size + " bytes; the server takes at most " + status.maxBytes(), "blob_too_large");
		}
		long offset = status.received();
		monitor.worked(kib(offset));
		byte[] chunk = new byte[CHUNK_BYTES];
		int retries = 0;
		while (!status.complete()) {
			checkCancel(monitor);
			int length = read(file, offset, chunk);
			long at = offset;
			try {
				status = client.putBlobChunk(token, sha256, at, size, chunk, length);
			} catch (SyncProblem e) {
				if (!"upload_offset_mismatch".equals(e.serverCode()) || ++retries > OFFSET_RETRIES) {
					throw refusedOrProblem(e);
				}
				// another device sends the same file: go on from what the server holds now
				status = refusable(() -> client.blobStatus(token, sha256));
				offset = status.received();
				continue;
			}
			offset = status.received();
			monitor.worked(kib(length));
			monitor.subTask("Sent " + megabytes(offset) + " of " + megabytes(size));
		}
	}

	/**
	 * Fetches the blob into {@code part}, in ranges, going on from the bytes already in it (a cut
	 * download resumes). When it holds all {@code size} bytes they are checked against the hash;
	 * corrupt bytes are deleted and refused, so they never reach the blob's address.
	 *
	 * @throws TransferRefused when the server refuses it, or the bytes do not match the hash
	 */
	public void download(String sha256, long size, Path part, IProgressMonitor monitor) throws SyncProblem, TransferRefused {
		try {
			Files.createDirectories(part.toAbsolutePath().getParent());
			long have = Files.exists(part) ? Files.size(part) : 0;
			if (have > size) {
				Files.delete(part);
				have = 0;
			}
			monitor.worked(kib(have));
			try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
				while (have < size) {
					checkCancel(monitor);
					long first = have;
					long last = Math.min(size, have + CHUNK_BYTES) - 1;
					byte[] bytes = refusable(() -> client.blobRange(token, sha256, first, last));
					out.write(bytes);
					// each range is on disk before the next is asked for: a cut download goes on from here
					out.flush();
					have += bytes.length;
					monitor.worked(kib(bytes.length));
					monitor.subTask("Received " + megabytes(have) + " of " + megabytes(size));
				}
			}
			if (!sha256.equals(sha256Of(part))) {
				Files.delete(part);
				throw new TransferRefused("the bytes received do not have its SHA-256; they were discarded", null);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + part + ": " + e.getMessage(), e);
		}
	}

	/** The SHA-256 of a file, in lower-case hex. */
	public static String sha256Of(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	private interface Call<T> {
		T run() throws SyncProblem;
	}

	/** Runs a call whose server refusals concern this one blob. */
	private static <T> T refusable(Call<T> call) throws SyncProblem, TransferRefused {
		try {
			return call.run();
		} catch (SyncProblem e) {
			throw refusedOrProblem(e);
		}
	}

	/** An error answer about this blob becomes a refusal; being offline or logged out stays a problem for the whole sync. */
	private static RuntimeException refusedOrProblem(SyncProblem e) throws SyncProblem, TransferRefused {
		if (e.kind() == Kind.SERVER_ERROR && e.serverCode() != null && !"internal".equals(e.serverCode())) {
			throw new TransferRefused(e.getMessage(), e.serverCode());
		}
		throw e;
	}

	private static int read(Path file, long offset, byte[] chunk) {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			channel.position(offset);
			ByteBuffer buffer = ByteBuffer.wrap(chunk);
			while (buffer.hasRemaining() && channel.read(buffer) > 0) {
				// fill the chunk
			}
			return buffer.position();
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static void checkCancel(IProgressMonitor monitor) {
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
	}

	private static int kib(long bytes) {
		return (int) Math.min(Integer.MAX_VALUE, bytes / 1024);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
	}
}
