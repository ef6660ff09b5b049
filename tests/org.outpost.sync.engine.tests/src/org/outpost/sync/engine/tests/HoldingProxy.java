package org.outpost.sync.engine.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.Hello;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP relay between a device and the real server that can hold one exchange back, so a test
 * can kill the device at an exact point of the protocol without any hook in the product: before
 * the request for the next page of a category (the pages before it are checkpointed, since the
 * device asks for a page only after committing the previous one), or after the server applied a
 * push but before its answer reaches the device. It records what the device asked for and what
 * the server sent back.
 */
final class HoldingProxy implements AutoCloseable {

	private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "Authorization", Protocol.CLIENT_VERSION_HEADER,
			Protocol.PROTOCOL_HEADER);

	private final URI target;
	private final HttpServer relay;
	private final ExecutorService threads = Executors.newCachedThreadPool();
	private final HttpClient http = HttpClient.newHttpClient();
	private final List<ChangesRequest> changesRequests = new CopyOnWriteArrayList<>();
	private final List<ChangePage> pages = new CopyOnWriteArrayList<>();
	private final List<PushRequest> pushes = new CopyOnWriteArrayList<>();
	private final CountDownLatch held = new CountDownLatch(1);
	private final CountDownLatch released = new CountDownLatch(1);
	private volatile String holdCategory;
	private volatile int pagesBeforeHold = -1;
	private volatile boolean holdPushAnswer;
	private volatile String actCategory;
	private volatile int pagesBeforeAction = -1;
	private volatile Runnable action;
	private volatile boolean withoutHeldRevisions;
	private volatile boolean withoutMaxPageSize;

	HoldingProxy(URI target) throws IOException {
		this.target = target;
		relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		relay.setExecutor(threads);
		relay.createContext("/", this::relay);
		relay.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + relay.getAddress().getPort());
	}

	/** Answers {@code pages} pages of the category, then holds the device's request for the next one. */
	void holdChangesAfter(String category, int pages) {
		holdCategory = category;
		pagesBeforeHold = pages;
	}

	/** Answers {@code pages} pages of the category, then runs {@code action} before it passes on the request for the next one. */
	void beforeChangesAfter(String category, int pages, Runnable action) {
		this.action = action;
		pagesBeforeAction = pages;
		actCategory = category;
	}

	/**
	 * Passes change requests on without their {@code heldRevisions}, as to a server without that
	 * addition (which ignores the field): the device's own changes then come back down.
	 */
	void dropHeldRevisions() {
		withoutHeldRevisions = true;
	}

	/** Answers hello without its {@code maxPageSize}, as a server without that addition (which takes pages of at most 1000). */
	void dropMaxPageSize() {
		withoutMaxPageSize = true;
	}

	/** Lets the next push reach the server and be applied there, and holds the server's answer back. */
	void holdNextPushAnswer() {
		holdPushAnswer = true;
	}

	/** Waits until the device is stuck at the hold point (at most two minutes, then fails). */
	void awaitHeld() throws InterruptedException {
		if (!held.await(2, TimeUnit.MINUTES)) {
			throw new AssertionError("the device never reached the hold point");
		}
	}

	List<ChangesRequest> changesRequests(String category) {
		return changesRequests.stream().filter(r -> r.category().equals(category)).toList();
	}

	List<ChangePage> pages(String category) {
		return pages.stream().filter(p -> p.category().equals(category)).toList();
	}

	List<PushRequest> pushes() {
		return List.copyOf(pushes);
	}

	/** Forgets what was recorded so far, e.g. before the device's restart. */
	void clearRecords() {
		changesRequests.clear();
		pages.clear();
		pushes.clear();
	}

	private void relay(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			ChangesRequest changes = path.equals(Protocol.CHANGES) ? JsonCodec.changesRequest(JsonCodec.parse(new ByteArrayInputStream(body))) : null;
			if (changes != null && withoutHeldRevisions) {
				body = JsonCodec.toText(new ChangesRequest(changes.category(), changes.cursor(), changes.limit(), changes.scope(), changes.countRemaining(),
						Set.of())).getBytes(StandardCharsets.UTF_8);
			}
			if (changes != null) {
				changesRequests.add(changes);
				if (changes.category().equals(holdCategory) && pages(holdCategory).size() == pagesBeforeHold) {
					holdCategory = null;
					holdForever();
					return;
				}
				if (changes.category().equals(actCategory) && pages(actCategory).size() == pagesBeforeAction) {
					actCategory = null;
					action.run();
				}
			}
			boolean push = path.equals(Protocol.PUSH);
			if (push) {
				pushes.add(JsonCodec.pushRequest(JsonCodec.parse(new ByteArrayInputStream(body))));
			}
			HttpResponse<byte[]> answer = forward(exchange, body);
			byte[] answered = answer.body();
			if (path.equals(Protocol.HELLO) && withoutMaxPageSize && answer.statusCode() == 200) {
				Hello hello = JsonCodec.hello(JsonCodec.parse(new ByteArrayInputStream(answered)));
				answered = JsonCodec.toBytes(new Hello(hello.application(), hello.serverVersion(), hello.protocolVersions(), hello.serverTime(),
						hello.compatibility(), hello.maxBlobBytes(), hello.serverId(), 0));
			}
			if (push && holdPushAnswer) {
				holdPushAnswer = false;
				holdForever();
				return;
			}
			if (changes != null && answer.statusCode() == 200) {
				pages.add(JsonCodec.changePage(JsonCodec.parse(new ByteArrayInputStream(answer.body()))));
			}
			answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
			exchange.sendResponseHeaders(answer.statusCode(), answered.length == 0 ? -1 : answered.length);
			exchange.getResponseBody().write(answered);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
				.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		for (String header : FORWARDED_HEADERS) {
			String value = exchange.getRequestHeaders().getFirst(header);
			if (value != null) {
				request.header(header, value);
			}
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The device waits for an answer that never comes; the exchange is dropped when the test is done with it. */
	private void holdForever() throws InterruptedException {
		held.countDown();
		released.await();
	}

	/** Drops a held exchange and stops relaying; once is enough (a test may end the relay before its tear-down does). */
	@Override
	public synchronized void close() {
		if (released.getCount() == 0) {
			return;
		}
		released.countDown();
		relay.stop(0);
		threads.shutdownNow();
		http.close();
	}
}
