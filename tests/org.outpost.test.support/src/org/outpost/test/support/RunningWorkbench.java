package org.outpost.test.support;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Starts the real desktop application (the e4 workbench from org.outpost.app's Application.e4xmi
 * with every module fragment) in the test's display, runs a check inside its event loop, then
 * closes it. A check that fails fails the test; the workbench never outlives two minutes.
 */
public final class RunningWorkbench {

	private RunningWorkbench() {
	}

	/** @return the application's exit code */
	public static Object check(Consumer<MWindow> check) throws Exception {
		Display display = Display.getDefault();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.asyncExec(() -> {
			IWorkbench workbench = null;
			try {
				MWindow window = (MWindow) workbenchShell(display).getData("modelElement");
				workbench = window.getContext().get(IWorkbench.class);
				display.timerExec(120_000, workbench::close);
				check.accept(window);
			} catch (Throwable e) {
				failure.set(e);
			} finally {
				if (workbench != null) {
					workbench.close();
				}
			}
		});
		Object exit = new E4Application().start(new WorkbenchApplicationContext());
		if (failure.get() != null) {
			throw new AssertionError("the workbench check failed", failure.get());
		}
		return exit;
	}

	/** Runs the event loop until it is idle, including work posted while running. */
	public static void spin(Display display) {
		for (int i = 0; i < 50; i++) {
			while (display.readAndDispatch()) {
				// run pending UI work
			}
		}
	}

	/**
	 * Runs the event loop until {@code done} holds, e.g. until a register has read off the UI thread
	 * what it shows; fails after a minute (a bound for a hung read, not a timing assertion).
	 */
	public static void spinUntil(Display display, BooleanSupplier done, String what) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		Runnable wake = () -> {
		};
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still waiting after a minute: " + what);
			}
			if (!display.readAndDispatch()) {
				// a read's answer arrives with asyncExec, which wakes the loop; the timer bounds the wait
				display.timerExec(50, wake);
				display.sleep();
			}
		}
		spin(display);
	}

	private static Shell workbenchShell(Display display) {
		for (Shell shell : display.getShells()) {
			if (shell.getData("modelElement") instanceof MWindow) {
				return shell;
			}
		}
		throw new AssertionError("no workbench window among " + java.util.List.of(display.getShells()));
	}
}
