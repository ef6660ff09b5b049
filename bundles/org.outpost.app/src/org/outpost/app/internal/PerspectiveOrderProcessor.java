package org.outpost.app.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.emf.common.util.EList;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Module fragments add their perspectives in bundle start order, which is arbitrary. This puts
 * them in the order each asks for ({@value #ORDER_KEY} in its persisted state, lowest first;
 * perspectives that do not ask go after the ordered ones) and opens the first when none is open.
 */
public final class PerspectiveOrderProcessor {

	/** Persisted-state key of a perspective: an integer, lower is further left. */
	public static final String ORDER_KEY = "org.outpost.perspective.order";
	static final String STACK_ID = "org.outpost.app.perspectivestack";
	private static final int UNORDERED = 1000;

	@Execute
	public void order(MApplication application, EModelService models) {
		if (!(models.find(STACK_ID, application) instanceof MPerspectiveStack stack)) {
			return;
		}
		List<MPerspective> sorted = new ArrayList<>(stack.getChildren());
		sorted.sort(Comparator.comparingInt(PerspectiveOrderProcessor::orderOf));
		// the model's lists are EMF lists: move keeps each perspective attached instead of removing and re-adding it
		@SuppressWarnings("unchecked")
		EList<MPerspective> children = (EList<MPerspective>) stack.getChildren();
		for (int i = 0; i < sorted.size(); i++) {
			children.move(i, sorted.get(i));
		}
		if (stack.getSelectedElement() == null && !sorted.isEmpty()) {
			stack.setSelectedElement(sorted.get(0));
		}
	}

	static int orderOf(MPerspective perspective) {
		String value = perspective.getPersistedState().get(ORDER_KEY);
		try {
			return value == null ? UNORDERED : Integer.parseInt(value.trim());
		} catch (NumberFormatException e) {
			return UNORDERED;
		}
	}
}
