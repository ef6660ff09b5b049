package org.outpost.sync.outbox;

import java.util.Optional;

/**
 * A module's say in deleting a record, registered as an OSGi service and consulted by
 * {@link Deletions} inside the transaction that would delete it: it may refuse (other records
 * that stand on their own still point at it) or delete what exists only as part of the record.
 */
public interface DeletionRule {

	/** Why the record cannot be deleted now, in words that say what to do first, or empty. */
	Optional<String> objection(RecordChanges changes, String recordType, String recordId);

	/** Deletes, through {@code changes}, what goes with the record; called once no rule objects. */
	default void cascade(RecordChanges changes, String recordType, String recordId) {
		// most rules only refuse
	}
}
