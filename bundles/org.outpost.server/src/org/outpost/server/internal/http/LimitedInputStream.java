package org.outpost.server.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes and fails beyond: a request body (also a gzip-inflated one) cannot exhaust the heap. */
final class LimitedInputStream extends FilterInputStream {

	/** Thrown when the body is longer than the limit. */
	static final class TooLarge extends IOException {
		private static final long serialVersionUID = 1L;

		TooLarge(long limit) {
			super("The request body is larger than " + limit + " bytes");
		}
	}

	private final long limit;
	private long count;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int value = super.read();
		if (value >= 0) {
			counted(1);
		}
		return value;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			counted(read);
		}
		return read;
	}

	private void counted(int bytes) throws TooLarge {
		count += bytes;
		if (count > limit) {
			throw new TooLarge(limit);
		}
	}
}
