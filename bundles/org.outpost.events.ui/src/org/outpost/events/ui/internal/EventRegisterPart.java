package org.outpost.events.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Location;
import org.outpost.admin.Locations;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.Permission;
import org.outpost.admin.ui.LocationPicker;
import org.outpost.admin.ui.OrgUnitPicker;
import org.outpost.events.Event;
import org.outpost.events.EventFilter;
import org.outpost.events.EventLifecycle;
import org.outpost.events.EventRules;
import org.outpost.events.EventStatus;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/**
 * The Events register: every local Event, soonest due first, sortable by its columns, filtered by
 * status, due window, org unit (and below), location and title text; overdue events in red.
 */
public final class EventRegisterPart {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
	/** How long typing pauses before the text filter runs, so each keystroke does not query. */
	private static final int TYPING_PAUSE_MS = 250;

	private LocalDatabase database;
	private AccessPolicy access;
	private OrgUnitTree orgUnits;
	private Map<String, String> locationNames;

	RegisterViewer<Event> register;
	JpaRecordSource<Event> source;
	Text search;
	Combo status;
	Combo due;
	OrgUnitPicker orgUnit;
	LocationPicker location;
	Button newEvent;
	DeleteButton<Event> delete;
	/** One runnable, so each keystroke reschedules the pending filter instead of adding another. */
	private final Runnable filterAfterTyping = this::applyFilter;

	@PostConstruct
	public void create(Composite parent, LocalDatabase localDatabase) {
		this.database = localDatabase;
		this.access = new AccessPolicy(localDatabase);
		this.orgUnits = OrgUnitTree.load(localDatabase);
		List<Location> locations = Locations.all(localDatabase);
		this.locationNames = names(locations);

		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(area);
		Composite filters = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(7).applyTo(filters);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);

		search = new Text(filters, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage("Search titles");
		GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(search);
		status = new Combo(filters, SWT.READ_ONLY);
		status.add("Any status");
		for (EventStatus s : EventStatus.values()) {
			status.add(s.label());
		}
		status.select(0);
		due = new Combo(filters, SWT.READ_ONLY);
		for (DueWindow window : DueWindow.values()) {
			due.add(window.label());
		}
		due.select(0);
		orgUnit = new OrgUnitPicker(filters, orgUnits, "Any org unit");
		location = new LocationPicker(filters, locations, "Any location");
		newEvent = new Button(filters, SWT.PUSH);
		newEvent.setText("New event\u2026");
		delete = new DeleteButton<>(filters, e -> "the event \u201c" + e.getTitle() + "\u201d",
				() -> denied(access.check(EventRules.MODULE, EventRules.MODULE_LABEL, Permission.DELETE)),
				e -> Deletions.withInstalledRules().delete(new LocalChanges(database), Event.class, e.getId()), () -> register.refresh());

		source = new JpaRecordSource<>(localDatabase, Event.class, "dueDate", true);
		LocalDate today = LocalDate.now();
		register = new RegisterViewer<>(area, source, List.of(
				new RegisterColumn<Event>("Title", 300, Event::getTitle, "title"),
				new RegisterColumn<Event>("Due", 110, e -> e.getDueDate() == null ? "" : DATE.format(e.getDueDate()), "dueDate"),
				new RegisterColumn<Event>("Status", 100, e -> e.getStatus().label(), "status"),
				new RegisterColumn<Event>("Overdue", 110, e -> overdue(e, today)),
				new RegisterColumn<Event>("Org unit", 200, e -> orgUnits.path(e.getOrgUnitId())),
				new RegisterColumn<Event>("Location", 150, e -> locationNames.getOrDefault(e.getLocationId(), "")),
				new RegisterColumn<Event>("Score", 70, e -> e.getScorePercent() == null ? "" : e.getScorePercent() + "%", "scorePercent")), "event", "events");
		register.emphasize(e -> e.isOverdue(today));
		GridDataFactory.fillDefaults().grab(true, true).applyTo(register.control());

		search.addListener(SWT.Modify, e -> search.getDisplay().timerExec(TYPING_PAUSE_MS, filterAfterTyping));
		search.addListener(SWT.DefaultSelection, e -> applyFilter());
		status.addListener(SWT.Selection, e -> applyFilter());
		due.addListener(SWT.Selection, e -> applyFilter());
		orgUnit.onChange(() -> {
			location.restrictTo(orgUnit.selectedId() == null ? null : orgUnits.subtree(orgUnit.selectedId()));
			applyFilter();
		});
		location.onChange(this::applyFilter);
		newEvent.addListener(SWT.Selection, e -> open(null));
		register.viewer().addSelectionChangedListener(
				e -> delete.select(((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Event event ? event : null));
		register.viewer().addDoubleClickListener(e -> {
			Object row = ((IStructuredSelection) e.getSelection()).getFirstElement();
			if (row instanceof Event event) {
				open(event.getId());
			}
		});
		showCreatePermission();
		SyncEndings.onEachEnd(register.control(), this::reloadLookups);
	}

	private static String overdue(Event event, LocalDate today) {
		if (!event.isOverdue(today)) {
			return "";
		}
		long days = ChronoUnit.DAYS.between(event.getDueDate().plusDays(event.getLeewayDays()), today);
		return "\u26a0 " + days + (days == 1 ? " day" : " days");
	}

	/** The filter the widgets show now. */
	EventFilter filter() {
		Set<EventStatus> statuses = status.getSelectionIndex() <= 0 ? Set.of() : Set.of(EventStatus.values()[status.getSelectionIndex() - 1]);
		DueWindow window = DueWindow.values()[Math.max(0, due.getSelectionIndex())];
		LocalDate today = LocalDate.now();
		Set<String> units = orgUnit.selectedId() == null ? Set.of() : orgUnits.subtree(orgUnit.selectedId());
		return new EventFilter(statuses, window.from(today), window.to(today), units, location.selectedId(), search.getText());
	}

	/** Shows the filter the widgets show now; the register reads it off the UI thread. */
	void applyFilter() {
		if (search.isDisposed()) {
			return; // a pending typing pause outlived the part
		}
		search.getDisplay().timerExec(-1, filterAfterTyping); // Enter or another filter came first: the pause has nothing left to do
		if (register.source() instanceof JpaRecordSource<Event> shown) {
			source = shown; // keeps the order the user chose with a header click
		}
		source = source.filteredBy(filter().toWhere());
		register.setSource(source);
	}

	/** An Admin sync may have brought other org units, locations or permissions: the filters, columns and commands follow. */
	private void reloadLookups() {
		orgUnits = OrgUnitTree.load(database);
		List<Location> locations = Locations.all(database);
		locationNames = names(locations);
		orgUnit.setTree(orgUnits);
		location.setLocations(locations);
		location.restrictTo(orgUnit.selectedId() == null ? null : orgUnits.subtree(orgUnit.selectedId()));
		showCreatePermission();
		register.refresh();
	}

	private static Map<String, String> names(List<Location> locations) {
		return locations.stream().collect(Collectors.toMap(Location::getId, Location::getName));
	}

	private void showCreatePermission() {
		Access create = access.check(EventRules.MODULE, EventRules.MODULE_LABEL, Permission.CREATE);
		newEvent.setEnabled(create.allowed());
		newEvent.setToolTipText(create.allowed() ? "Create an event from a form" : create.reason());
	}

	private static String denied(Access access) {
		return access.allowed() ? null : access.reason();
	}

	/** Opens the editor on an event (null: a new one); the register shows the result after Save. */
	void open(String eventId) {
		Access edit = access.check(EventRules.MODULE, EventRules.MODULE_LABEL, eventId == null ? Permission.CREATE : Permission.EDIT);
		EventEditorDialog editor = new EventEditorDialog(register.control().getShell(), database, EventLifecycle.withInstalledGuards(), eventId,
				edit.allowed() ? null : edit.reason());
		if (editor.open() == Window.OK) {
			register.refresh();
		}
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
