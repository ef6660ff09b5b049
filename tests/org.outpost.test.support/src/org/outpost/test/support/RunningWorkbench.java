package org.outpost.test.support;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
		display.asyncExec(() -> checkInWindow(display, check, failure));
		return start(failure);
	}

	/**
	 * Like {@link #check}, for a start that shows dialogs before the window (the first run):
	 * {@code beforeWindow} plays the user in them, called from their event loops every tenth of a
	 * second until it says it is done and the window is open; then {@code check} runs in the window.
	 *
	 * @return the application's exit code
	 */
	public static Object checkAfter(Predicate<Display> beforeWindow, Consumer<MWindow> check) throws Exception {
		Display display = Display.getDefault();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			try {
				boolean userDone = failure.get() == null ? beforeWindow.test(display) : closeDialogs(display);
				if (userDone && findWorkbenchShell(display) != null) {
					checkInWindow(display, failure.get() == null ? check : window -> {
					}, failure);
					return;
				}
			} catch (Throwable e) {
				failure.compareAndSet(null, e);
			}
			display.timerExec(100, poll[0]);
		};
		display.timerExec(100, poll[0]);
		return start(failure);
	}

	/** After a failure before the window: cancels the dialogs so that the window opens and can be closed. */
	private static boolean closeDialogs(Display display) {
		for (Shell shell : display.getShells()) {
			if (!(shell.getData("modelElement") instanceof MWindow)) {
				shell.close();
			}
		}
		return true;
	}

	private static Object start(AtomicReference<Throwable> failure) throws Exception {
		Object exit = new E4Application().start(new WorkbenchApplicationContext());
		if (failure.get() != null) {
			throw new AssertionError("the workbench check failed", failure.get());
		}
		return exit;
	}

	private static void checkInWindow(Display display, Consumer<MWindow> check, AtomicReference<Throwable> failure) {
		IWorkbench workbench = null;
		try {
			MWindow window = (MWindow) workbenchShell(display).getData("modelElement");
			workbench = window.getContext().get(IWorkbench.class);
			display.timerExec(120_000, workbench::close);
			check.accept(window);
		} catch (Throwable e) {
			failure.compareAndSet(null, e);
		} finally {
			if (workbench != null) {
				workbench.close();
			}
		}
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
		Shell shell = findWorkbenchShell(display);
		if (shell == null) {
			throw new AssertionError("no workbench window among " + java.util.List.of(display.getShells()));
		}
		return shell;
	}

	private static Shell findWorkbenchShell(Display display) {
		for (Shell shell : display.getShells()) {
			if (shell.getData("modelElement") instanceof MWindow) {
				return shell;
			}
		}
		return null;
	}
}
