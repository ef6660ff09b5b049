package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/openapi.yaml, read just enough to hold the server to it: which operations (method, path)
 * declare which response statuses, and which error codes the ErrorBody schema lists.
 */
final class OpenApiDocument {

	private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
	private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");
	private static final Pattern STATUS = Pattern.compile("^        '(\\d{3})':\\s*$");
	private static final Pattern ERROR_CODE = Pattern.compile("^\\s+- ([a-z_]+)\\s*$");

	private final Set<String> declared = new HashSet<>();
	private final Set<String> errorCodes = new HashSet<>();

	private OpenApiDocument(List<String> lines) {
		String path = null;
		String method = null;
		boolean inPaths = false;
		boolean inErrorCodes = false;
		for (String line : lines) {
			if (!line.startsWith(" ") && !line.isBlank()) {
				inPaths = line.startsWith("paths:");
			}
			Matcher matcher;
			if (inPaths && (matcher = PATH.matcher(line)).matches()) {
				path = matcher.group(1);
				method = null;
			} else if (inPaths && path != null && (matcher = METHOD.matcher(line)).matches()) {
				method = matcher.group(1).toUpperCase(Locale.ROOT);
			} else if (inPaths && method != null && (matcher = STATUS.matcher(line)).matches()) {
				declared.add(method + " " + path + " " + matcher.group(1));
			}
			if (line.contains("x-error-codes:")) {
				inErrorCodes = true;
			} else if (inErrorCodes && (matcher = ERROR_CODE.matcher(line)).matches()) {
				errorCodes.add(matcher.group(1));
			} else if (inErrorCodes && !line.isBlank()) {
				inErrorCodes = false;
			}
		}
	}

	/** Finds docs/openapi.yaml from the test's working folder upwards (Tycho runs tests inside the module's target folder). */
	static OpenApiDocument load() throws IOException {
		for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
			Path document = folder.resolve("docs/openapi.yaml");
			if (Files.isRegularFile(document)) {
				return new OpenApiDocument(Files.readAllLines(document));
			}
		}
		throw new IOException("docs/openapi.yaml not found above " + Path.of("").toAbsolutePath());
	}

	/** Fails listing every answer seen that the document does not declare. */
	void assertDeclares(Set<String> seenAnswers, Set<String> seenErrorCodes) {
		Set<String> undeclared = new TreeSet<>();
		for (String answer : seenAnswers) {
			String operation = answer.substring(0, answer.lastIndexOf(' '));
			boolean noSuchOperation = answer.endsWith(" 404") || answer.endsWith(" 405");
			// 404 and 405 are the answers for operations the document does not have; for those it has, they must be declared
			boolean ok = noSuchOperation ? declared.contains(answer) || declared.stream().noneMatch(d -> d.startsWith(operation + " "))
					: declared.contains(answer);
			if (!ok) {
				undeclared.add(answer);
			}
		}
		assertEquals(Set.of(), undeclared, "answers the server gave that docs/openapi.yaml does not declare");
		Set<String> unlisted = new TreeSet<>(seenErrorCodes);
		unlisted.removeAll(errorCodes);
		assertEquals(Set.of(), unlisted, "error codes the server gave that docs/openapi.yaml does not list");
	}

	Set<String> declared() {
		return declared;
	}

	Set<String> errorCodes() {
		return errorCodes;
	}
}
