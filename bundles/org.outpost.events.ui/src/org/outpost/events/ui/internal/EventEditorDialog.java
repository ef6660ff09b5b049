package org.outpost.events.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.outpost.admin.Location;
import org.outpost.admin.Locations;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.User;
import org.outpost.admin.Users;
import org.outpost.admin.ui.LocationPicker;
import org.outpost.admin.ui.OrgUnitPicker;
import org.outpost.events.AnswerOption;
import org.outpost.events.Event;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventRules;
import org.outpost.events.EventStatus;
import org.outpost.events.Form;
import org.outpost.events.Forms;
import org.outpost.events.Question;
import org.outpost.events.Recurrence;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.RecordEditorDialog;

/**
 * Creates or edits an Event offline: its form, place, dates, performers, status and answers. The
 * score follows the answers as they are chosen; saving writes the event and its outbox entry in
 * one transaction.
 */
final class EventEditorDialog extends RecordEditorDialog {

	private final LocalDatabase database;
	private final EventLifecycle lifecycle;
	private final String eventId;
	private final List<Form> forms;
	private final OrgUnitTree orgUnits;
	private final List<Location> locations;
	private final List<User> users;
	/** The event as stored (or a new one); the editor changes only its widgets until Save. */
	private final Event original;

	Combo form;
	Text title;
	OrgUnitPicker orgUnit;
	LocationPicker location;
	Text dueDate;
	Spinner leeway;
	Combo recurrence;
	Table performers;
	Combo status;
	final Map<String, Combo> answers = new LinkedHashMap<>();
	Label score;
	private Group questions;
	private List<EventStatus> statusChoices = List.of();

	/**
	 * @param eventId the event to edit, or null for a new one
	 * @param readOnlyReason why the user may not save, or null
	 */
	EventEditorDialog(Shell parent, LocalDatabase database, EventLifecycle lifecycle, String eventId, String readOnlyReason) {
		super(parent, eventId == null ? "New event" : "Event", readOnlyReason);
		this.database = database;
		this.lifecycle = lifecycle;
		this.eventId = eventId;
		this.forms = Forms.all(database);
		this.orgUnits = OrgUnitTree.load(database);
		this.locations = Locations.all(database);
		this.users = Users.active(database);
		this.original = eventId == null ? null : Forms.event(database, eventId);
		if (eventId != null && original == null) {
			throw new IllegalArgumentException("There is no event " + eventId + " on this device");
		}
	}

	@Override
	protected void createFields(Composite grid) {
		label(grid, "Form");
		form = new Combo(grid, SWT.READ_ONLY);
		form.setItems(forms.stream().map(Form::getName).toArray(String[]::new));
		form.setEnabled(original == null); // answers belong to the form: an existing event keeps its form
		fill(form);

		label(grid, "Title");
		title = new Text(grid, SWT.BORDER);
		fill(title);

		label(grid, "Org unit");
		orgUnit = new OrgUnitPicker(grid, orgUnits, "(choose an org unit)");
		fill(orgUnit.control());

		label(grid, "Location");
		location = new LocationPicker(grid, locations, "(no location)");
		fill(location.control());

		label(grid, "Due date");
		dueDate = new Text(grid, SWT.BORDER);
		dueDate.setMessage("YYYY-MM-DD");
		fill(dueDate);

		label(grid, "Leeway (days)");
		leeway = new Spinner(grid, SWT.BORDER);
		leeway.setValues(0, 0, 365, 0, 1, 7);

		label(grid, "Recurrence");
		recurrence = new Combo(grid, SWT.READ_ONLY);
		for (Recurrence r : Recurrence.values()) {
			recurrence.add(r.label());
		}
		recurrence.select(0);

		label(grid, "Performers");
		performers = new Table(grid, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
		for (User user : users) {
			TableItem item = new TableItem(performers, SWT.NONE);
			item.setText(user.getDisplayName());
			item.setData(user.getId());
		}
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 80).applyTo(performers);

		label(grid, "Status");
		status = new Combo(grid, SWT.READ_ONLY);

		questions = new Group(grid, SWT.NONE);
		questions.setText("Questions");
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(questions);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(questions);

		score = new Label(grid, SWT.NONE);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(score);
		if (original != null) {
			addSections(grid, original.wireType(), original.getId()); // e.g. its findings and actions, from the Findings module
		}

		if (original != null) {
			showStored();
		} else if (!forms.isEmpty()) {
			form.select(0);
		}
		statusChoices();
		showQuestions();

		form.addListener(SWT.Selection, e -> {
			showQuestions();
			changed();
		});
		orgUnit.onChange(() -> {
			restrictLocations();
			changed();
		});
		location.onChange(this::changed);
		title.addListener(SWT.Modify, e -> changed());
		dueDate.addListener(SWT.Modify, e -> changed());
		leeway.addListener(SWT.Modify, e -> changed());
		recurrence.addListener(SWT.Selection, e -> changed());
		performers.addListener(SWT.Selection, e -> changed());
		status.addListener(SWT.Selection, e -> changed());
	}

	private void showStored() {
		form.select(forms.stream().map(Form::getId).toList().indexOf(original.getFormId()));
		title.setText(original.getTitle());
		orgUnit.select(original.getOrgUnitId());
		restrictLocations();
		location.select(original.getLocationId());
		dueDate.setText(original.getDueDate() == null ? "" : original.getDueDate().toString());
		leeway.setSelection(original.getLeewayDays());
		recurrence.select(original.getRecurrence().ordinal());
		for (TableItem item : performers.getItems()) {
			item.setChecked(original.getPerformerIds().contains(item.getData()));
		}
	}

	private void statusChoices() {
		EventStatus current = original == null ? EventStatus.TENTATIVE : original.getStatus();
		List<EventStatus> choices = new ArrayList<>(List.of(current));
		for (EventStatus target : EventStatus.values()) {
			if (current.canMoveTo(target)) {
				choices.add(target);
			}
		}
		statusChoices = choices;
		status.setItems(choices.stream().map(s -> s == current ? s.label() : "\u2192 " + s.label()).toArray(String[]::new));
		status.select(0);
	}

	private void restrictLocations() {
		String unit = orgUnit.selectedId();
		location.restrictTo(unit == null ? null : orgUnits.subtree(unit));
	}

	private void showQuestions() {
		for (var child : questions.getChildren()) {
			child.dispose();
		}
		answers.clear();
		Form chosen = chosenForm();
		Map<String, String> stored = original != null && chosen != null && chosen.getId().equals(original.getFormId()) ? original.getAnswers() : Map.of();
		List<Question> list = chosen == null ? List.of() : chosen.getQuestions();
		for (int i = 0; i < list.size(); i++) {
			Question question = list.get(i);
			Label text = new Label(questions, SWT.WRAP);
			text.setText((i + 1) + ". " + question.text());
			GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
			Combo answer = new Combo(questions, SWT.READ_ONLY);
			answer.add("");
			question.options().forEach(o -> answer.add(o.label()));
			answer.select(Math.max(0, question.options().stream().map(AnswerOption::label).toList().indexOf(stored.get(question.id())) + 1));
			answer.addListener(SWT.Selection, e -> changed());
			answer.setEnabled(!isReadOnly());
			answers.put(question.id(), answer);
		}
		questions.getParent().layout(true, true);
		showScore();
	}

	private void showScore() {
		Form chosen = chosenForm();
		Double percent = chosen == null ? null : EventRules.score(chosen, chosenAnswers());
		score.setText(percent == null ? "Score: not answered yet" : "Score: " + percent + "% of the form's best (" + chosen.maxScore() + " points)");
	}

	@Override
	protected List<String> problems() {
		showScore();
		List<String> problems = new ArrayList<>();
		if (title.getText().isBlank()) {
			problems.add("Give the event a title.");
		}
		LocalDate due = null;
		if (!dueDate.getText().isBlank()) {
			try {
				due = LocalDate.parse(dueDate.getText().strip());
			} catch (DateTimeParseException e) {
				problems.add("Write the due date as YYYY-MM-DD, e.g. " + LocalDate.now() + ".");
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		Event draft = Event.of(chosenForm() == null ? new Form("none", List.of()) : chosenForm(), title.getText(), due);
		apply(draft);
		draft.setStatus(chosenStatus());
		String locationId = location.selectedId();
		Location place = locations.stream().filter(l -> l.getId().equals(locationId)).findFirst().orElse(null);
		problems.addAll(EventRules.problems(draft, chosenForm(), orgUnits, place));
		return problems;
	}

	@Override
	protected void save() {
		EventStatus target = chosenStatus();
		new LocalChanges(database).write(changes -> {
			String id;
			if (original == null) {
				Event created = Event.of(chosenForm(), title.getText(), parsedDue());
				apply(created);
				id = changes.create(created).getId();
			} else {
				id = changes.edit(Event.class, eventId, e -> {
					e.setTitle(title.getText());
					e.setDueDate(parsedDue());
					apply(e);
				}).getId();
			}
			if (target != (original == null ? EventStatus.TENTATIVE : original.getStatus())) {
				lifecycle.moveTo(changes, id, target);
			}
			return id;
		});
	}

	/** Copies every field but title, due date, form and status into {@code event}. */
	private void apply(Event event) {
		event.setOrgUnitId(orgUnit.selectedId());
		event.setLocationId(location.selectedId());
		event.setLeewayDays(leeway.getSelection());
		event.setRecurrence(Recurrence.values()[Math.max(0, recurrence.getSelectionIndex())]);
		List<String> chosen = new ArrayList<>();
		for (TableItem item : performers.getItems()) {
			if (item.getChecked()) {
				chosen.add((String) item.getData());
			}
		}
		event.setPerformerIds(chosen);
		Form chosenForm = chosenForm();
		if (chosenForm != null) {
			chosenAnswers().forEach((question, label) -> event.answer(chosenForm, question, label));
			answers.keySet().stream().filter(q -> !chosenAnswers().containsKey(q)).forEach(q -> event.answer(chosenForm, q, null));
		}
	}

	private Map<String, String> chosenAnswers() {
		Map<String, String> chosen = new LinkedHashMap<>();
		answers.forEach((question, combo) -> {
			if (combo.getSelectionIndex() > 0) {
				chosen.put(question, combo.getItem(combo.getSelectionIndex()));
			}
		});
		return chosen;
	}

	private Form chosenForm() {
		int index = form.getSelectionIndex();
		return index < 0 ? null : forms.get(index);
	}

	private EventStatus chosenStatus() {
		return statusChoices.get(Math.max(0, status.getSelectionIndex()));
	}

	private LocalDate parsedDue() {
		return dueDate.getText().isBlank() ? null : LocalDate.parse(dueDate.getText().strip());
	}

	private static void fill(Control control) {
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(control);
	}
}
