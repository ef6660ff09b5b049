package org.outpost.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.outpost.sync.engine.TransferSession;

/**
 * Files on disk under their SHA-256 ({@code ab/cdef...}): the same content is stored once however
 * often it is attached, and a blob's name proves its content.
 */
public final class BlobStore {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

	/** A stored blob: its hash and size. */
	public record Blob(String sha256, long size) {
	}

	private final Path root;

	public BlobStore(Path root) {
		this.root = Objects.requireNonNull(root, "root");
	}

	/** The blob store beside a local database folder: {@code <data>/blobs}. */
	public static BlobStore beside(Path databaseFolder) {
		return new BlobStore(databaseFolder.toAbsolutePath().resolveSibling("blobs"));
	}

	/** Copies the file in (unless the same content is already there) and returns its hash and size. */
	public Blob put(Path file) {
		try {
			Files.createDirectories(root);
			Path temporary = Files.createTempFile(root, "incoming-", ".part");
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				long size;
				try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
					size = Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
				}
				String sha256 = HexFormat.of().formatHex(digest.digest());
				Path target = path(sha256);
				if (Files.exists(target)) {
					// reused: fresh again, so a sweep that started before its new record commits leaves it alone
					Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
				} else {
					Files.createDirectories(target.getParent());
					try {
						Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
					} catch (AtomicMoveNotSupportedException e) {
						Files.move(temporary, target);
					}
				}
				return new Blob(sha256, size);
			} finally {
				Files.deleteIfExists(temporary);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot store " + file + ": " + e.getMessage(), e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-256", e);
		}
	}

	/** Where the blob with this hash is (it may be missing, e.g. not downloaded yet). */
	public Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
	}

	public boolean has(String sha256) {
		return Files.isRegularFile(path(sha256));
	}

	/** Where a download of the blob collects its bytes until they are complete and verified. */
	public Path partial(String sha256) {
		path(sha256);
		return root.resolve("partial").resolve(sha256 + ".part");
	}

	/**
	 * Moves a completely received file in under its hash.
	 *
	 * @throws IllegalArgumentException when its bytes do not have this hash (the file is deleted)
	 */
	public void adopt(String sha256, Path received) {
		try {
			if (!sha256.equals(TransferSession.sha256Of(received))) {
				Files.delete(received);
				throw new IllegalArgumentException("The received file does not have the SHA-256 " + sha256 + "; it was discarded");
			}
			Path target = path(sha256);
			Files.createDirectories(target.getParent());
			try {
				Files.move(received, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot store " + received + ": " + e.getMessage(), e);
		}
	}

	/** Deletes the blob with this hash if it is there; true when it was. */
	public boolean delete(String sha256) {
		try {
			return Files.deleteIfExists(path(sha256));
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot delete the blob " + sha256 + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Deletes the complete blobs no record needs: those {@code needed} rejects and last written
	 * before {@code settledBefore}. Files being written (a transfer's or an attach's partial file,
	 * not yet named by its hash) are never touched, and a blob written after {@code settledBefore}
	 * may still be waiting for its record's transaction.
	 *
	 * @return how many blobs were deleted
	 */
	public int sweep(Predicate<String> needed, Instant settledBefore) {
		if (!Files.isDirectory(root)) {
			return 0;
		}
		int deleted = 0;
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.filter(f -> Files.isDirectory(f) && isHex(f, 2)).toList()) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.filter(f -> Files.isRegularFile(f) && isHex(f, 62)).toList()) {
						String sha256 = folder.getFileName().toString() + file.getFileName();
						if (!needed.test(sha256) && Files.getLastModifiedTime(file).toInstant().isBefore(settledBefore) && Files.deleteIfExists(file)) {
							deleted++;
						}
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot sweep the blob store " + root + ": " + e.getMessage(), e);
		}
		return deleted;
	}

	private static boolean isHex(Path path, int length) {
		String name = path.getFileName().toString();
		return name.length() == length && HEX.matcher(name).matches();
	}
}
