package org.outpost.obligations.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.outpost.obligations.Obligation;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/** The Obligations register, by topic. */
public final class ObligationRegisterPart {

	private RegisterViewer<Obligation> register;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		register = new RegisterViewer<>(parent, new JpaRecordSource<>(database, Obligation.class, "topic", true), List.of(
				new RegisterColumn<Obligation>("Topic", 360, Obligation::getTopic),
				new RegisterColumn<Obligation>("Type", 140, Obligation::getType),
				new RegisterColumn<Obligation>("Authority", 180, Obligation::getAuthority),
				new RegisterColumn<Obligation>("Status", 150, o -> o.getStatus().label())), "obligations");
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
