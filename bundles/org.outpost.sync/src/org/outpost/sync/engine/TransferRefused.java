package org.outpost.sync.engine;

/**
 * The server refused one blob (too large, not found, not in the user's scope, its bytes did not
 * match the address) or a download arrived corrupt: that blob is not moved; the sync goes on.
 */
public final class TransferRefused extends Exception {

	private static final long serialVersionUID = 1L;

	private final String serverCode;

	TransferRefused(String message, String serverCode) {
		super(message);
		this.serverCode = serverCode;
	}

	/** The server's error code ({@code blob_too_large}, ...), or null when the device found the problem. */
	public String serverCode() {
		return serverCode;
	}
}
