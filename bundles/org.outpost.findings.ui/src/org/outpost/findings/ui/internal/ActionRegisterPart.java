package org.outpost.findings.ui.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.outpost.findings.Action;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/** The Actions register, soonest due first. */
public final class ActionRegisterPart {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

	private RegisterViewer<Action> register;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		register = new RegisterViewer<>(parent, new JpaRecordSource<>(database, Action.class, "dueDate", true), List.of(
				new RegisterColumn<Action>("Action", 420, Action::getDescription),
				new RegisterColumn<Action>("Due", 120, a -> a.getDueDate() == null ? "" : DATE.format(a.getDueDate())),
				new RegisterColumn<Action>("Status", 120, a -> a.getStatus().label())), "actions");
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
