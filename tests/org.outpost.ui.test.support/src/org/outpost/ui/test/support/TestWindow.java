package org.outpost.ui.test.support;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A shell of a given size for each test, disposed after it with its pending events run, so the next
 * test does not meet this one's windows. Use as {@code @RegisterExtension final TestWindow window = new TestWindow(900, 600);}.
 */
public final class TestWindow implements BeforeEachCallback, AfterEachCallback {

	private final int width;
	private final int height;
	private Shell shell;

	public TestWindow(int width, int height) {
		this.width = width;
		this.height = height;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		shell = new Shell(Display.getDefault());
		shell.setLayout(new FillLayout());
		shell.setSize(width, height);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Display display = shell.getDisplay();
		shell.dispose();
		while (display.readAndDispatch()) {
			// let disposals finish before the next test opens its window
		}
	}

	/** This test's shell. */
	public Shell shell() {
		return shell;
	}
}
