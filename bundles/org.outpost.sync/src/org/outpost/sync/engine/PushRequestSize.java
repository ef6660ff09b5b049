package org.outpost.sync.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.PushRequest;

/**
 * How much of a batch of mutations one push request may carry: the server refuses a body over
 * {@code limit} bytes ({@code 413 body_too_large}), which 500 records with large text fields exceed.
 */
final class PushRequestSize {

	private PushRequestSize() {
	}

	/** How many of the mutations, from the first, fit into one request of at most {@code limit} bytes; at least one. */
	static int fitting(List<Mutation> mutations, long limit) {
		if (bytes(new PushRequest(Integer.MAX_VALUE, mutations)) <= limit) {
			return mutations.size();
		}
		// the envelope with the longest pending count it can carry, and one comma between two mutations
		long empty = bytes(new PushRequest(0, List.of()));
		long total = bytes(new PushRequest(Integer.MAX_VALUE, List.of()));
		for (int i = 0; i < mutations.size(); i++) {
			total += bytes(new PushRequest(0, List.of(mutations.get(i)))) - empty + (i == 0 ? 0 : 1);
			if (total > limit) {
				return Math.max(1, i);
			}
		}
		return mutations.size();
	}

	private static long bytes(PushRequest request) {
		Counter counter = new Counter();
		try {
			JsonCodec.write(counter, request);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return counter.count;
	}

	/** Counts what is written to it and keeps nothing. */
	private static final class Counter extends OutputStream {
		private long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}
	}
}
