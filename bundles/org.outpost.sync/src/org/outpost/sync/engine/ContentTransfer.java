package org.outpost.sync.engine;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Optional for a {@link org.outpost.core.sync.SyncParticipant} whose records point to content that
 * travels apart from them, such as a document's file. The engine calls it around the participant's
 * push and pull, in the same sync, with a {@link TransferSession} that moves blobs.
 * <p>
 * The rule it lets a participant keep: the server never receives a record that points to content
 * the server does not hold. {@link #beforePush} sends the content first and names the records whose
 * changes must wait; the engine holds those changes back (they stay queued) and reports each one
 * as not sent, with its reason. Changes queued after {@code beforePush} began wait for the next sync.
 */
public interface ContentTransfer {

	/**
	 * Sends what the participant's queued changes point to. Runs before they are pushed.
	 *
	 * @return the ids of records whose queued changes must wait, each with the reason the user sees
	 * @throws SyncProblem when the sync cannot go on (offline, logged out); a refused blob is a reason, not a problem
	 */
	Map<String, String> beforePush(TransferSession session, IProgressMonitor monitor) throws SyncProblem;

	/**
	 * Fetches what the device's records point to and the device lacks. Runs after the pull; a blob
	 * that cannot be fetched is reported with {@link TransferSession#notDone} and the rest goes on.
	 */
	void afterPull(TransferSession session, IProgressMonitor monitor) throws SyncProblem;
}
