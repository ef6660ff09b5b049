package org.outpost.sync.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.outpost.core.record.RuleViolation;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;

/**
 * Deletes a record a user chose under every module's {@link DeletionRule}: refused as a whole
 * with the rules' reasons, or deleted with what cascades from it, each delete queued as a
 * tombstone in the caller's transaction.
 */
public final class Deletions {

	private final List<DeletionRule> rules;

	public Deletions(Collection<DeletionRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** With the rules the installed modules registered as OSGi services. */
	public static Deletions withInstalledRules() {
		BundleContext context = FrameworkUtil.getBundle(Deletions.class).getBundleContext();
		List<DeletionRule> found = new ArrayList<>();
		try {
			for (ServiceReference<DeletionRule> reference : context.getServiceReferences(DeletionRule.class, null)) {
				DeletionRule rule = context.getService(reference);
				if (rule != null) {
					found.add(rule);
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e); // no filter given: cannot happen
		}
		return new Deletions(found);
	}

	/** Deletes in a transaction of its own (what a Delete command does). */
	public <T extends SyncedRecord & Syncable> void delete(LocalChanges changes, Class<T> type, String id) {
		changes.write(c -> {
			delete(c, type, id);
			return null;
		});
	}

	/**
	 * Deletes inside the caller's transaction.
	 *
	 * @throws RuleViolation with every rule's reason when the record may not be deleted now
	 * @throws IllegalArgumentException when there is no such live record
	 */
	public <T extends SyncedRecord & Syncable> void delete(RecordChanges changes, Class<T> type, String id) {
		T record = changes.entityManager().find(type, id);
		if (record == null || record.isTombstone()) {
			throw new IllegalArgumentException("There is no " + type.getSimpleName() + " " + id + " on this device (deleted already?)");
		}
		String recordType = record.wireType();
		List<String> problems = new ArrayList<>();
		for (DeletionRule rule : rules) {
			rule.objection(changes, recordType, id).ifPresent(problems::add);
		}
		RuleViolation.check(problems);
		for (DeletionRule rule : rules) {
			rule.cascade(changes, recordType, id);
		}
		changes.delete(type, id);
	}
}
