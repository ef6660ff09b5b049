package org.outpost.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders for what a test run writes (a server's store, a device's home, a token vault), all under
 * one folder of this JVM's that is removed when the JVM exits: a developer running the suite again
 * and again does not fill the system's temporary folder with them. A run that is killed leaves
 * its folder to the system's own clean-up.
 */
public final class TemporaryFolders {

	private static Path root;

	private TemporaryFolders() {
	}

	/** A new empty folder whose name starts with {@code prefix}. */
	public static synchronized Path create(String prefix) throws IOException {
		if (root == null) {
			Path created = Files.createTempDirectory("outpost-tests");
			Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("outpost-tests-clean-up").unstarted(() -> delete(created)));
			root = created;
		}
		return Files.createTempDirectory(root, prefix);
	}

	/** Removes the folder and what it holds, as far as it can (a file still open elsewhere may stay). */
	public static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException | UncheckedIOException e) {
			// best effort: what is left is in the system's temporary folder
		}
	}
}
