package org.outpost.sync.history;

/** What one sync category (a participant) moved in one run, each way. */
public record CategoryTraffic(String category, long recordsUp, long recordsDown, long bytesUp, long bytesDown) {

	public CategoryTraffic {
		if (recordsUp < 0 || recordsDown < 0 || bytesUp < 0 || bytesDown < 0) {
			throw new IllegalArgumentException("Traffic is never negative");
		}
	}

	public CategoryTraffic plus(CategoryTraffic other) {
		return new CategoryTraffic(category, recordsUp + other.recordsUp, recordsDown + other.recordsDown, bytesUp + other.bytesUp,
				bytesDown + other.bytesDown);
	}
}
