package org.outpost.events.ui.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.outpost.events.Event;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/** The Events register: every local Event, soonest due first. */
public final class EventRegisterPart {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

	private RegisterViewer<Event> register;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		register = new RegisterViewer<>(parent, new JpaRecordSource<>(database, Event.class, "dueDate", true), List.of(
				new RegisterColumn<Event>("Title", 360, Event::getTitle),
				new RegisterColumn<Event>("Due", 120, e -> e.getDueDate() == null ? "" : DATE.format(e.getDueDate())),
				new RegisterColumn<Event>("Status", 120, e -> e.getStatus().label())), "events");
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
