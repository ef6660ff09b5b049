package org.outpost.server.internal.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of this server process, shown at /metrics in the Prometheus text format. They are
 * per instance on purpose: a load balancer's instances are scraped one by one.
 */
public final class Metrics {

	private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

	public void add(String name, String labels, long amount) {
		counters.computeIfAbsent(name + "{" + labels + "}", key -> new LongAdder()).add(amount);
	}

	public void request(String endpoint, int status, long nanos) {
		String labels = "endpoint=\"" + endpoint + "\",status=\"" + status + "\"";
		add("outpost_requests_total", labels, 1);
		add("outpost_request_nanoseconds_total", labels, nanos);
	}

	/** The counters, sorted, one a line. */
	public String text() {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(counters).forEach((key, value) -> text.append(key).append(' ').append(value.sum()).append('\n'));
		return text.toString();
	}
}
