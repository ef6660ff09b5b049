package org.outpost.app.internal;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.outpost.core.ApplicationVersion;

/** Start-up hooks of the desktop: the window title carries the application version. */
public final class OutpostLifecycle {

	static final String WINDOW_ID = "org.outpost.app.window";

	@ProcessAdditions
	public void titleWithVersion(MApplication application, EModelService models) {
		MWindow window = (MWindow) models.find(WINDOW_ID, application);
		if (window != null) {
			window.setLabel(windowTitle());
		}
	}

	static String windowTitle() {
		return "Outpost " + ApplicationVersion.CURRENT;
	}
}
