package org.outpost.server.internal.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * Writes that arrive while another is being committed, committed together: one transaction, one
 * hold of the change counter and one commit (one sync of the database's log) for several pushes.
 * A push holds the counter from taking its numbers to its commit, and the embedded HSQLDB also
 * syncs its log inside its own global lock, so commits never overlapped: at 200 devices each
 * push's own commit, one after the other, was what the pushes queued for.
 * <p>
 * The writer at the head of the queue leads: it runs the work of up to {@value #MOST_MEMBERS}
 * queued writers, its own first, one after the other in one transaction, and commits it; the
 * others wait for their answers. Each member's writes are flushed and the persistence context
 * cleared before the next member starts, so a member sees its predecessors' writes as if they
 * had committed before it. A later member whose records another transaction holds leaves the
 * group before writing anything ({@link RecordsBusy}) and heads the next one. When the
 * group's transaction fails, nothing of it stays and each member runs again on its own
 * ({@link ServerStore#writeRetrying}), so one member's failure is its own.
 */
final class GroupCommits {

	/** Most writers' work in one transaction: enough to share an fsync widely, few enough to keep the first's answer near. */
	static final int MOST_MEMBERS = 16;

	private enum State {
		WAITING, LEADING, ANSWERED, ALONE
	}

	/** One writer's work and, once the group committed, its answer. */
	private static final class Member {
		private final Function<EntityManager, ?> work;
		private State state = State.WAITING;
		private Object answer;

		Member(Function<EntityManager, ?> work) {
			this.work = work;
		}
	}

	private final ServerStore store;
	private final ArrayDeque<Member> queue = new ArrayDeque<>();
	/** A leader is running a group; the others in the queue wait for it. */
	private boolean leading;

	GroupCommits(ServerStore store) {
		this.store = store;
	}

	@SuppressWarnings("unchecked")
	<R> R write(Function<EntityManager, R> work) {
		Member me = new Member(work);
		synchronized (this) {
			queue.addLast(me);
			if (leading) {
				awaitTurn(me);
			} else {
				leading = true;
				me.state = State.LEADING;
			}
		}
		if (me.state == State.LEADING) {
			lead();
		}
		if (me.state == State.ANSWERED) {
			return (R) me.answer;
		}
		// the group failed: this member's work runs again on its own, where its own failure is reported
		return store.writeRetrying(work);
	}

	/** Waits, without giving up (the leader may already be running this work), until answered, alone or leading. */
	private void awaitTurn(Member me) {
		boolean interrupted = false;
		while (me.state == State.WAITING) {
			try {
				wait();
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs one group headed by the caller, then hands the lead to the next in the queue. */
	private void lead() {
		List<Member> group = new ArrayList<>();
		synchronized (this) {
			while (!queue.isEmpty() && group.size() < MOST_MEMBERS) {
				group.add(queue.pollFirst());
			}
		}
		List<Member> joined = new ArrayList<>();
		List<Member> deferred = new ArrayList<>();
		try {
			store.write(em -> {
				for (Member member : group) {
					ServerStore.groupMember(member != group.get(0));
					try {
						Object answer = member.work.apply(em);
						em.flush();
						member.answer = answer;
						joined.add(member);
					} catch (RecordsBusy busy) {
						deferred.add(member);
					} finally {
						ServerStore.groupMember(null);
					}
					// the next member reads the database, which has every write so far, not entities kept from before them
					em.clear();
				}
				return null;
			});
			joined.forEach(member -> member.state = State.ANSWERED);
		} catch (RuntimeException e) {
			// nothing of the group stays: its members, this one too, run again on their own below
		} finally {
			synchronized (this) {
				for (Member member : group) {
					if (member.state != State.ANSWERED && !deferred.contains(member)) {
						member.state = State.ALONE;
					}
				}
				for (int i = deferred.size() - 1; i >= 0; i--) {
					Member member = deferred.get(i);
					member.state = State.WAITING;
					queue.addFirst(member);
				}
				Member next = queue.peekFirst();
				if (next == null) {
					leading = false;
				} else {
					next.state = State.LEADING;
				}
				notifyAll();
			}
		}
	}
}
