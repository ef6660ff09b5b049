package org.outpost.app.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;
import org.outpost.persistence.LocalDatabase;

/** Help > About Outpost. */
public final class AboutHandler {

	@Execute
	public void about(Shell shell, @Optional LocalDatabase database) {
		new AboutDialog(shell, AboutFacts.collect(AboutHandler.class, database)).open();
	}
}
