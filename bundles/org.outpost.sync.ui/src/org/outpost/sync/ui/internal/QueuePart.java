package org.outpost.sync.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.ChangedRecord;
import org.outpost.sync.engine.Discarded;
import org.outpost.sync.engine.Discards;
import org.outpost.sync.engine.RecordNames;
import org.outpost.sync.engine.RejectedChange;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/**
 * The Queue tab: every change saved on this device that the server has not acknowledged yet,
 * oldest first, with its age, push attempts and last error (failed ones in red), and below them
 * the changes the server refused, with its reason. Discard drops the selected records' changes
 * after a confirmation naming what is lost, setting the records back to their last synced
 * values; Undo Discard puts them back while nothing changed them since.
 */
public final class QueuePart {

	/** The confirmation's button that discards. */
	static final String DISCARD_LABEL = "Discard";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

	RegisterViewer<OutboxEntry> register;
	TableViewer refused;
	Button refresh;
	Button discard;
	Button undo;
	Label status;
	private Discards discards;
	private RecordNames recordNames;
	private Discarded lastDiscard;
	/** The refused changes' record names, by mutation id, read once per refresh rather than per paint. */
	private Map<String, String> refusedNames = Map.of();

	@PostConstruct
	public void create(Composite parent, LocalDatabase database, SyncService sync) {
		discards = sync.engine().discards();
		recordNames = sync.engine().recordNames();
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		Label intro = new Label(area, SWT.WRAP);
		intro.setText("Changes waiting for the next sync. Nothing leaves this list until the server has confirmed it, or you discard it.");
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(intro);
		refresh = new Button(area, SWT.PUSH);
		refresh.setText("Refresh");
		register = new RegisterViewer<>(area, new Outbox(database), List.of(
				new RegisterColumn<OutboxEntry>("Record", 260, QueuePart::record),
				new RegisterColumn<OutboxEntry>("Operation", 90, e -> e.getOperation().label()),
				new RegisterColumn<OutboxEntry>("Changed", 220, e -> String.join(", ", e.changes().keySet())),
				new RegisterColumn<OutboxEntry>("Age", 90, e -> age(e.getCreatedAt(), Instant.now())),
				new RegisterColumn<OutboxEntry>("Attempts", 70, e -> String.valueOf(e.getAttempts())),
				new RegisterColumn<OutboxEntry>("Last error", 300, OutboxEntry::getLastError)), "change waiting", "changes waiting");
		register.emphasize(e -> e.getLastError() != null);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(register.control());

		Label refusedTitle = new Label(area, SWT.NONE);
		refusedTitle.setText("Refused by the server (kept here until you discard them):");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(refusedTitle);
		refused = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		refused.getTable().setHeaderVisible(true);
		refused.getTable().setLinesVisible(true);
		TableColumns.add(refused, RejectedChange.class, "Record", 260, r -> refusedNames.getOrDefault(r.getMutationId(), r.getRecordType()));
		TableColumns.add(refused, RejectedChange.class, "Operation", 90, r -> r.getOperation().charAt(0) + r.getOperation().substring(1).toLowerCase());
		TableColumns.add(refused, RejectedChange.class, "Reason", 420, RejectedChange::getReason);
		TableColumns.add(refused, RejectedChange.class, "Refused", 130, r -> WHEN.format(r.getRejectedAt()));
		refused.setContentProvider(ArrayContentProvider.getInstance());
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(SWT.DEFAULT, 90).applyTo(refused.getControl());

		Composite actions = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(actions);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(actions);
		discard = new Button(actions, SWT.PUSH);
		discard.setText("Discard\u2026");
		discard.setToolTipText("Drop the selected changes: the records go back to their last synced values");
		undo = new Button(actions, SWT.PUSH);
		undo.setText("Undo Discard");
		undo.setEnabled(false);
		status = new Label(actions, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);

		refresh.addListener(SWT.Selection, e -> refresh());
		discard.addListener(SWT.Selection, e -> discardSelected());
		undo.addListener(SWT.Selection, e -> undoLastDiscard());
		showRefused();
		SyncEndings.onEachEnd(refused.getControl(), this::refresh);
		OutboxFollower.onEachChange(refused.getControl(), database, this::refresh);
	}

	private void refresh() {
		register.refresh();
		showRefused();
	}

	private void showRefused() {
		List<RejectedChange> rejected = discards.rejected();
		Map<String, String> names = new HashMap<>();
		rejected.forEach(r -> names.put(r.getMutationId(), recordNames.of(r.getRecordType(), r.getRecordId())));
		refusedNames = names;
		refused.setInput(rejected);
	}

	/** The records of the rows selected in either list. */
	private List<ChangedRecord> selectedRecords() {
		List<ChangedRecord> records = new ArrayList<>();
		for (Object row : register.viewer().getStructuredSelection().toList()) {
			OutboxEntry entry = (OutboxEntry) row;
			records.add(new ChangedRecord(entry.getRecordType(), entry.getRecordId()));
		}
		for (Object row : refused.getStructuredSelection().toList()) {
			RejectedChange change = (RejectedChange) row;
			records.add(new ChangedRecord(change.getRecordType(), change.getRecordId()));
		}
		return records;
	}

	private void discardSelected() {
		List<ChangedRecord> records = selectedRecords();
		if (records.isEmpty()) {
			status.setText("Select the changes to discard, in either list.");
			return;
		}
		List<String> lost = discards.whatIsLost(records);
		String question = "These changes never reach the server and are lost:\n\n\u2022 " + String.join("\n\u2022 ", lost)
				+ "\n\nEvery queued or refused change of these records is discarded. You can undo this right after.";
		boolean agreed = new MessageDialog(discard.getShell(), "Discard changes?", null, question, MessageDialog.WARNING, 1, DISCARD_LABEL,
				IDialogConstants.CANCEL_LABEL).open() == 0;
		if (!agreed) {
			return;
		}
		try {
			lastDiscard = discards.discard(records);
			int changes = lastDiscard.changes();
			status.setText("Discarded " + changes + (changes == 1 ? " change." : " changes."));
			undo.setEnabled(true);
		} catch (IllegalArgumentException e) {
			status.setText("Not discarded: " + e.getMessage());
		}
		refresh();
		status.getParent().layout(true);
	}

	private void undoLastDiscard() {
		if (lastDiscard == null) {
			return;
		}
		try {
			discards.undo(lastDiscard);
			status.setText("The discarded changes are back in the queue.");
		} catch (IllegalStateException e) {
			status.setText(e.getMessage());
		}
		lastDiscard = null;
		undo.setEnabled(false);
		refresh();
		status.getParent().layout(true);
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
		refresh();
		register.viewer().getControl().setFocus();
	}
}
