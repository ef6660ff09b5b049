package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.protocol.Protocol;
import org.outpost.server.OutpostServer;

/** HTTPS from a keystore: the server answers over TLS with the keystore's certificate. */
class TlsTest {

	private static final String PASSWORD = "changeit";

	@TempDir
	Path folder;

	@Test
	void theServerAnswersOverTlsWithTheKeystoresCertificate() throws Exception {
		Path keystore = folder.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias",
				"outpost", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", keystore.toString(), "-storepass", PASSWORD).redirectErrorStream(true).start();
		assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));

		try (OutpostServer server = OutpostServer.start(TestStores.fresh(folder).withTls(keystore, PASSWORD))) {
			assertEquals("https", server.uri().getScheme());
			HttpRequest health = HttpRequest.newBuilder(server.uri().resolve(Protocol.HEALTH)).GET().build();
			HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
			assertEquals(200, trusting.send(health, BodyHandlers.ofString()).statusCode());
			// a client that does not trust the certificate gets no answer at all
			assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(health, BodyHandlers.ofString()));
			// nor does plain HTTP on the TLS port
			HttpRequest plain = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + Protocol.HEALTH)).GET().build();
			assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(plain, BodyHandlers.ofString()));
		}
	}

	private static SSLContext trusting(Path keystore) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}
}
