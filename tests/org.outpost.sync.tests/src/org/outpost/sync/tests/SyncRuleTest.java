package org.outpost.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.outpost.sync.schedule.SyncRule;

class SyncRuleTest {

	@Test
	void twoSyncJobsNeverRunAtOnce() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		Job first = job("first", running, mostAtOnce, firstStarted);
		Job second = job("second", running, mostAtOnce, new CountDownLatch(1));
		first.schedule();
		assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
		second.schedule();
		first.join(10_000, null);
		second.join(10_000, null);
		assertEquals(IStatus.OK, first.getResult().getSeverity());
		assertEquals(IStatus.OK, second.getResult().getSeverity());
		assertEquals(1, mostAtOnce.get(), "the second sync started while the first was running");
	}

	private static Job job(String name, AtomicInteger running, AtomicInteger mostAtOnce, CountDownLatch started) {
		Job job = Job.create(name, (IProgressMonitor monitor) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			started.countDown();
			try {
				Thread.sleep(300);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			running.decrementAndGet();
			return Status.OK_STATUS;
		});
		job.setRule(SyncRule.INSTANCE);
		return job;
	}
}
