package org.outpost.sync.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.outpost.sync.engine.SyncProblem.Kind;

/**
 * gzip on the wire (docs/protocol.md), for a server across a network: change pages shrink to about
 * a sixth, which is what a field laptop on a slow link waits for. A server on the device's own
 * machine (a loopback address) is spoken to uncompressed: no network to save, and compressing
 * would only cost both sides CPU.
 */
final class Compression {

	static final String GZIP = "gzip";
	/** Request bodies below this size go as they are: a small body gains too little. */
	static final int SMALLEST_COMPRESSED_REQUEST = 8 * 1024;
	private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\\]?");

	private Compression() {
	}

	/** Whether to ask this server for gzip answers and send it gzip bodies: unless it is on this machine. */
	static boolean worthwhile(URI server) {
		String host = server.getHost();
		if (host == null || host.toLowerCase(Locale.ROOT).equals("localhost")) {
			return false;
		}
		if (!ADDRESS_LITERAL.matcher(host).matches()) {
			// a name: compress rather than resolve it here (a name for this machine only costs CPU)
			return true;
		}
		try {
			return !InetAddress.getByName(host).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return true;
		}
	}

	static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The answer's body as the server meant it: inflated when it came gzipped. */
	static byte[] body(HttpResponse<byte[]> response) throws SyncProblem {
		if (!response.headers().firstValue("Content-Encoding").map(GZIP::equalsIgnoreCase).orElse(false)) {
			return response.body();
		}
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			return in.readAllBytes();
		} catch (IOException e) {
			throw new SyncProblem(Kind.SERVER_ERROR, "The server's gzipped answer could not be inflated: " + e.getMessage(), e);
		}
	}
}
