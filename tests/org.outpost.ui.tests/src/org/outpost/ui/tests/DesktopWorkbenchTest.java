package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem;
import org.eclipse.e4.ui.model.application.ui.menu.MToolBarElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.Test;
import org.outpost.app.internal.PerspectiveSwitcher;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.connection.ConnectionStore;
import org.outpost.sync.ui.internal.SyncPart;
import org.outpost.test.support.RunningWorkbench;
import org.outpost.ui.sync.SyncCommand;

/**
 * Starts the real desktop application (the e4 workbench from org.outpost.app's Application.e4xmi
 * with every module fragment) in this test's display and checks it from inside its event loop.
 */
class DesktopWorkbenchTest {

	private static final String STACK_ID = "org.outpost.app.perspectivestack";
	private static final List<String> BUILT_IN = List.of("org.outpost.events.ui.perspective", "org.outpost.findings.ui.perspective",
			"org.outpost.obligations.ui.perspective", "org.outpost.sync.ui.perspective");

	@Test
	void theWorkbenchShowsEachPerspectiveAndTheGeneratedSyncButtons() throws Exception {
		// a device that has logged in before: no first-run login dialog; its resumed sync finds no server and stays quiet
		ConnectionStore.ofThisDevice().save(URI.create("http://127.0.0.1:9"), "tester");
		List<String> checked = new ArrayList<>();
		Object exit = RunningWorkbench.check(window -> checkWorkbench(Display.getCurrent(), (Shell) window.getWidget(), window, checked));
		assertEquals(0, exit);
		assertEquals(List.of("title", "perspectives", "Events", "Findings", "Obligations", "Sync", "sync buttons", "sync tab"), checked);
	}

	private static void checkWorkbench(Display display, Shell shell, MWindow window, List<String> checked) {
		assertEquals("Outpost 1.0", shell.getText());
		checked.add("title");

		MApplication application = window.getContext().get(MApplication.class);
		EModelService models = window.getContext().get(EModelService.class);
		EPartService parts = window.getContext().get(EPartService.class);
		MPerspectiveStack stack = (MPerspectiveStack) models.find(STACK_ID, application);
		List<String> ids = stack.getChildren().stream().map(MPerspective::getElementId).toList();
		assertTrue(ids.containsAll(BUILT_IN), ids.toString());
		List<String> builtInOrder = ids.stream().filter(BUILT_IN::contains).toList();
		assertEquals(BUILT_IN, builtInOrder, "perspectives are ordered by their declared order");
		assertEquals(BUILT_IN.get(0), stack.getSelectedElement().getElementId(), "the Events perspective opens first");
		checked.add("perspectives");

		for (String id : BUILT_IN) {
			MPerspective perspective = (MPerspective) models.find(id, application);
			parts.switchPerspective(perspective);
			RunningWorkbench.spin(display);
			assertSame(perspective, stack.getSelectedElement());
			assertInstanceOf(Control.class, perspective.getWidget(), id + " was not rendered");
			assertTrue(((Control) perspective.getWidget()).isVisible(), id + " is not visible");
			assertEquals(perspective.getLabel(), selectedSwitcherButton(shell), "the perspective switcher follows");
			checked.add(perspective.getLabel());
		}

		assertSyncButton(models, application, "org.outpost.events.ui.register", "events", "Sync Events");
		assertSyncButton(models, application, "org.outpost.findings.ui.register", "findings", "Sync Findings");
		assertSyncButton(models, application, "org.outpost.obligations.ui.register", "obligations", "Sync Obligations");
		MPart actions = (MPart) models.find("org.outpost.findings.ui.actions", application);
		assertNull(actions.getToolbar(), "a part that names no participant gets no sync button");
		checked.add("sync buttons");

		MPart syncTab = (MPart) models.find("org.outpost.sync.ui.sync", application);
		Map<SyncKind, Button> buttons = kindButtons((Composite) syncTab.getWidget());
		assertEquals(List.of(SyncKind.values()), new ArrayList<>(buttons.keySet()));
		assertEquals("Events", buttons.get(SyncKind.EVENTS).getText());
		checked.add("sync tab");
	}

	private static void assertSyncButton(EModelService models, MApplication application, String partId, String participant, String text) {
		MPart register = (MPart) models.find(partId, application);
		assertNotNull(register.getToolbar(), partId + " has no toolbar");
		List<MHandledToolItem> buttons = new ArrayList<>();
		for (MToolBarElement element : register.getToolbar().getChildren()) {
			if (element instanceof MHandledToolItem item && element.getElementId().startsWith(SyncCommand.BUTTON_ID_PREFIX)) {
				buttons.add(item);
			}
		}
		assertEquals(1, buttons.size(), partId + " has " + buttons.size() + " sync buttons");
		MHandledToolItem button = buttons.get(0);
		assertEquals(SyncCommand.BUTTON_ID_PREFIX + participant, button.getElementId());
		assertEquals(SyncCommand.ID, button.getCommand().getElementId());
		assertEquals(SyncCommand.PARTICIPANT, button.getParameters().get(0).getName());
		assertEquals(participant, button.getParameters().get(0).getValue());
		ToolItem widget = assertInstanceOf(ToolItem.class, button.getWidget(), partId + "'s sync button was not rendered");
		assertEquals(text, widget.getText());
	}


	private static String selectedSwitcherButton(Shell shell) {
		List<String> selected = new ArrayList<>();
		visit(shell, widget -> {
			if (widget instanceof ToolBar toolbar) {
				for (ToolItem item : toolbar.getItems()) {
					if (item.getData(PerspectiveSwitcher.PERSPECTIVE_DATA) != null && item.getSelection()) {
						selected.add(item.getText());
					}
				}
			}
		});
		assertEquals(1, selected.size(), "selected switcher buttons: " + selected);
		return selected.get(0);
	}

	private static Map<SyncKind, Button> kindButtons(Composite root) {
		Map<SyncKind, Button> buttons = new java.util.LinkedHashMap<>();
		visit(root, widget -> {
			if (widget instanceof Button button && button.getData(SyncPart.KIND_DATA) instanceof SyncKind kind) {
				buttons.put(kind, button);
			}
		});
		return buttons;
	}

	private static void visit(Control control, java.util.function.Consumer<Widget> visitor) {
		visitor.accept(control);
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				visit(child, visitor);
			}
		}
	}


}
