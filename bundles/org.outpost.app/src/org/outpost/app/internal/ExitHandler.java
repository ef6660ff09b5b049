package org.outpost.app.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File > Exit. */
public final class ExitHandler {

	@Execute
	public void exit(IWorkbench workbench) {
		workbench.close();
	}
}
