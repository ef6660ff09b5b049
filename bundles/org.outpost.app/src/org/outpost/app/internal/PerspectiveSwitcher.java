package org.outpost.app.internal;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.osgi.service.event.EventHandler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The row of perspective buttons in the window's top trim: one radio button per perspective in
 * the stack, kept in step when perspectives are added, removed or switched.
 */
public final class PerspectiveSwitcher {

	/** Widget data key holding the perspective a button opens. */
	public static final String PERSPECTIVE_DATA = "org.outpost.perspective";

	@Inject
	private MApplication application;
	@Inject
	private EModelService models;
	@Inject
	private EPartService parts;
	@Inject
	private IEventBroker events;

	private ToolBar toolbar;
	private final EventHandler onChange = event -> {
		if (toolbar != null && !toolbar.isDisposed()) {
			toolbar.getDisplay().asyncExec(this::rebuild);
		}
	};

	@PostConstruct
	public void create(Composite parent) {
		toolbar = new ToolBar(parent, SWT.FLAT | SWT.RIGHT);
		rebuild();
		events.subscribe(UIEvents.ElementContainer.TOPIC_CHILDREN, onChange);
		events.subscribe(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT, onChange);
	}

	@PreDestroy
	public void dispose() {
		events.unsubscribe(onChange);
	}

	private void rebuild() {
		if (toolbar == null || toolbar.isDisposed() || !(models.find(PerspectiveOrderProcessor.STACK_ID, application) instanceof MPerspectiveStack stack)) {
			return;
		}
		for (ToolItem item : toolbar.getItems()) {
			item.dispose();
		}
		for (MPerspective perspective : stack.getChildren()) {
			if (!perspective.isToBeRendered()) {
				continue;
			}
			ToolItem item = new ToolItem(toolbar, SWT.RADIO);
			item.setText(perspective.getLocalizedLabel());
			item.setToolTipText("Open the " + perspective.getLocalizedLabel() + " perspective");
			item.setData(PERSPECTIVE_DATA, perspective);
			item.setSelection(perspective == stack.getSelectedElement());
			item.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
				if (item.getSelection()) {
					parts.switchPerspective(perspective);
				}
			}));
		}
		toolbar.pack();
		toolbar.getParent().layout(true, true);
	}
}
