package org.outpost.findings.ui.internal;

import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.editor.EditorSection;

/** Adds the findings and actions of an Event, and the actions of an Obligation, to their editors. */
public final class LinkedWorkSection implements EditorSection {

	@Override
	public void create(Composite grid, String recordType, String recordId, boolean editable) {
		BundleContext context = FrameworkUtil.getBundle(LinkedWorkSection.class).getBundleContext();
		LocalDatabase database = context.getService(context.getServiceReference(LocalDatabase.class));
		new LinkedWorkPanel(grid, database, recordType, recordId, editable);
	}
}
