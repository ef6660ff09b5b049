package org.outpost.app.internal;

import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.outpost.core.module.InstalledModules.ModuleBundle;

/** Lists the versions Outpost runs with and every installed module, Outpost's own and third parties'. */
final class AboutDialog extends Dialog {

	private final AboutFacts facts;

	AboutDialog(Shell parent, AboutFacts facts) {
		super(parent);
		this.facts = facts;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("About Outpost");
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().applyTo(area);
		Label title = new Label(area, SWT.NONE);
		title.setText("Outpost " + facts.versions().get("Outpost") + ": offline-first compliance workbench");

		Table versions = table(area, "Component", "Version");
		for (Map.Entry<String, String> entry : facts.versions().entrySet()) {
			new TableItem(versions, SWT.NONE).setText(new String[] { entry.getKey(), entry.getValue() });
		}
		pack(versions);

		new Label(area, SWT.NONE).setText("Installed modules");
		Table modules = table(area, "Module", "Bundle", "Version", "Vendor");
		for (ModuleBundle module : facts.modules()) {
			new TableItem(modules, SWT.NONE).setText(new String[] { module.module(), module.symbolicName(), module.version(), module.vendor() });
		}
		pack(modules);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	private static Table table(Composite parent, String... columns) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
		table.setHeaderVisible(true);
		for (String column : columns) {
			new TableColumn(table, SWT.LEFT).setText(column);
		}
		GridDataFactory.fillDefaults().grab(true, true).hint(640, SWT.DEFAULT).applyTo(table);
		return table;
	}

	private static void pack(Table table) {
		for (TableColumn column : table.getColumns()) {
			column.pack();
		}
	}
}
