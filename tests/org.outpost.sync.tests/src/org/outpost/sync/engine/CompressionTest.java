package org.outpost.sync.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** gzip only where there is a network to save: never to a server on this machine. */
class CompressionTest {

	@Test
	void aServerOnThisMachineIsSpokenToUncompressed() {
		for (String server : new String[] { "http://localhost:8470", "http://LOCALHOST:8470/", "http://127.0.0.1:8470", "http://127.4.5.6:80",
				"https://[::1]:8443" }) {
			assertFalse(Compression.worthwhile(URI.create(server)), server);
		}
	}

	@Test
	void aServerAcrossANetworkGetsGzip() {
		for (String server : new String[] { "https://outpost.example.org", "http://192.0.2.10:8470", "http://10.1.2.3", "https://[fd00::2]:8443" }) {
			assertTrue(Compression.worthwhile(URI.create(server)), server);
		}
	}

	@Test
	void aBodyGzippedInflatesToItself() throws IOException {
		byte[] body = "{\"title\":\"Quarterly inspection\"}".repeat(500).getBytes(StandardCharsets.UTF_8);
		byte[] gzipped = Compression.gzip(body);
		assertTrue(gzipped.length < body.length / 10);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			assertArrayEquals(body, in.readAllBytes());
		}
	}
}
