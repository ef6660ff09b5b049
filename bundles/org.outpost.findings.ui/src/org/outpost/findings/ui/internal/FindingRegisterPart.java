package org.outpost.findings.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.outpost.findings.Finding;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/** The Findings register. */
public final class FindingRegisterPart {

	private RegisterViewer<Finding> register;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		register = new RegisterViewer<>(parent, new JpaRecordSource<>(database, Finding.class, "description", true), List.of(
				new RegisterColumn<Finding>("Description", 480, Finding::getDescription),
				new RegisterColumn<Finding>("Non-conformance", 130, f -> f.isNonConformance() ? "Yes" : "No")), "findings");
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
