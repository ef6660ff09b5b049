package org.outpost.server.tests;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads one HTTP/1.1 response with a Content-Length off a raw socket, for tests that need to control the bytes. */
final class RawHttp {

	private RawHttp() {
	}

	/** @return the status line, headers and body as text; EOFException when the connection ends first */
	static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("The connection ended after " + head.size() + " bytes: " + head.toString(StandardCharsets.US_ASCII));
			}
			head.write(b);
		}
		String headers = head.toString(StandardCharsets.US_ASCII);
		int length = 0;
		for (String line : headers.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}
}
