package org.outpost.findings.ui.internal;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.findings.RiskRating;

/** Likelihood and consequence pickers on the 5 x 5 matrix, with the rating they give. */
final class RiskFields {

	private static final String[] LIKELIHOOD = { "1 Rare", "2 Unlikely", "3 Possible", "4 Likely", "5 Almost certain" };
	private static final String[] CONSEQUENCE = { "1 Insignificant", "2 Minor", "3 Moderate", "4 Major", "5 Severe" };

	final Combo likelihood;
	final Combo consequence;
	final Label rating;

	RiskFields(Composite parent, Runnable onChange) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
		likelihood = new Combo(row, SWT.READ_ONLY);
		likelihood.setItems(LIKELIHOOD);
		consequence = new Combo(row, SWT.READ_ONLY);
		consequence.setItems(CONSEQUENCE);
		rating = new Label(row, SWT.NONE);
		set(new RiskRating(1, 1));
		likelihood.addListener(SWT.Selection, e -> {
			showRating();
			onChange.run();
		});
		consequence.addListener(SWT.Selection, e -> {
			showRating();
			onChange.run();
		});
	}

	void set(RiskRating risk) {
		likelihood.select(risk.likelihood() - 1);
		consequence.select(risk.consequence() - 1);
		showRating();
	}

	RiskRating get() {
		return new RiskRating(likelihood.getSelectionIndex() + 1, consequence.getSelectionIndex() + 1);
	}

	private void showRating() {
		rating.setText("= " + get() + "          ");
		rating.getParent().layout();
	}
}
