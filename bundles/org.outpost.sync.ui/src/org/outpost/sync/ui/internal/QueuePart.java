package org.outpost.sync.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/**
 * The Queue tab: every change saved on this device that the server has not acknowledged yet,
 * oldest first, with its age, push attempts and last error. Entries that failed are in red.
 */
public final class QueuePart {

	RegisterViewer<OutboxEntry> register;
	Button refresh;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		Label intro = new Label(area, SWT.WRAP);
		intro.setText("Changes waiting for the next sync. Nothing leaves this list until the server has confirmed it.");
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(intro);
		refresh = new Button(area, SWT.PUSH);
		refresh.setText("Refresh");
		register = new RegisterViewer<>(area, new Outbox(database), List.of(
				new RegisterColumn<OutboxEntry>("Record", 260, QueuePart::record),
				new RegisterColumn<OutboxEntry>("Operation", 90, e -> e.getOperation().label()),
				new RegisterColumn<OutboxEntry>("Changed", 220, e -> String.join(", ", e.changes().keySet())),
				new RegisterColumn<OutboxEntry>("Age", 90, e -> age(e.getCreatedAt(), Instant.now())),
				new RegisterColumn<OutboxEntry>("Attempts", 70, e -> String.valueOf(e.getAttempts())),
				new RegisterColumn<OutboxEntry>("Last error", 300, OutboxEntry::getLastError)), "changes waiting");
		register.emphasize(e -> e.getLastError() != null);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(register.control());
		refresh.addListener(SWT.Selection, e -> register.refresh());
	}

	/** "event: Fire drill" when the change names a title (or description, name, topic), else the type and id. */
	static String record(OutboxEntry entry) {
		for (String field : List.of("title", "description", "name", "topic", "fileName", "userName")) {
			Object value = entry.changes().get(field);
			if (value instanceof String text && !text.isBlank()) {
				return entry.getRecordType() + ": " + text;
			}
		}
		return entry.getRecordType() + " " + entry.getRecordId();
	}

	/** "just now", "12 min", "3 h", "2 days". */
	static String age(Instant since, Instant now) {
		Duration age = Duration.between(since, now);
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return age.toMinutes() + " min";
		}
		if (age.toDays() < 1) {
			return age.toHours() + " h";
		}
		return age.toDays() + (age.toDays() == 1 ? " day" : " days");
	}

	@Focus
	public void focus() {
		// changes saved in other perspectives show as soon as the user looks
		register.refresh();
		register.viewer().getControl().setFocus();
	}
}
