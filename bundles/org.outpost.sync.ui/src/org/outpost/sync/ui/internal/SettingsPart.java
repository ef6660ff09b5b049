package org.outpost.sync.ui.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.osgi.service.prefs.BackingStoreException;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.AssignedOrgUnits;
import org.outpost.admin.Location;
import org.outpost.admin.Locations;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.User;
import org.outpost.admin.ui.LocationPicker;
import org.outpost.admin.ui.OrgUnitPicker;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.settings.AutoSync;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/**
 * The Settings tab: every sync setting of the device, each with what it does, and the automatic
 * sync per kind. Changes apply when saved; Restore Defaults only fills in the defaults.
 */
public final class SettingsPart {

	/** Widget data key naming the setting a control edits, for tests and accessibility tools. */
	public static final String SETTING_DATA = "org.outpost.sync.setting";
	static final int[] RETAIN_DAY_CHOICES = { 1, 2, 3, 5, 7, 14, 30, 60, 90 };

	private final SyncSettingsStore store;
	private LocalDatabase database;
	private Spinner dueToLast;
	private Spinner inAdvance;
	private OrgUnitPicker orgUnit;
	private LocationPicker location;
	/** The units the user may sync (assigned and below); the location choices stay inside them. */
	private Set<String> syncableUnits = Set.of();
	private Button retain;
	private Combo retainDays;
	private Button allRisks;
	private Button remind;
	private AutoSyncRow events;
	private AutoSyncRow admin;
	private AutoSyncRow documents;
	private Label status;

	public SettingsPart() {
		this(SyncSettingsStore.ofThisDevice());
	}

	/** For a store other than this device's, e.g. in tests. */
	public SettingsPart(SyncSettingsStore store) {
		this.store = store;
	}

	@PostConstruct
	public void create(Composite parent, LocalDatabase localDatabase) {
		this.database = localDatabase;
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().margins(16, 16).spacing(8, 12).applyTo(area);

		Group sync = group(area, "Sync Settings");
		dueToLast = spinner(sync, "Due to Last (Days)", "dueToLastDays",
				"Events due more than this many days ago, and older ones, are not synced to this device.");
		inAdvance = spinner(sync, "Sync in Advance (Days)", "syncInAdvanceDays",
				"Events due up to this many days from today are synced to this device.");
		orgUnit = new OrgUnitPicker(row(sync, "Sync Org Unit"), new OrgUnitTree(List.of()), "All my org units");
		orgUnit.control().setData(SETTING_DATA, "orgUnits");
		orgUnit.onChange(this::offerLocationsOfTheChosenUnit);
		meaning(sync, "Only records of this org unit and the units below it sync to this device. All my org units: every unit you are"
				+ " assigned to. The list comes with the Admin sync.");
		location = new LocationPicker(row(sync, "Sync Location"), List.of(), "All locations");
		location.control().setData(SETTING_DATA, "locations");
		meaning(sync, "Only records of this location sync to this device. All locations: every location of the org units above.");
		Composite retainRow = row(sync, "Retain Events after sync");
		retain = new Button(retainRow, SWT.CHECK);
		retain.setData(SETTING_DATA, "retainEvents");
		retainDays = new Combo(retainRow, SWT.READ_ONLY);
		retainDays.setData(SETTING_DATA, "retainEventsDays");
		for (int days : RETAIN_DAY_CHOICES) {
			retainDays.add(days + (days == 1 ? " day" : " days"));
		}
		retain.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> retainDays.setEnabled(retain.getSelection())));
		meaning(sync, "Checked: Events you sent stay on this device for the chosen days, then are removed."
				+ " Unchecked: they are removed right after the sync that sent them. Events with unsent changes always stay.");
		allRisks = check(sync, "Sync All Risks", "syncAllRisks", "Checked: every Risk in your org units syncs. Unchecked: only the Risks you own.");

		Group auto = group(area, "Auto Synchronization");
		remind = check(auto, "Remind me before sync", "remindBeforeSync",
				"Checked: Outpost asks before an automatic sync starts; you can sync now, postpone or skip it.");
		events = new AutoSyncRow(auto, "Sync Events", "autoEvents", "Sends and receives Events, Findings and Actions by itself.");
		admin = new AutoSyncRow(auto, "Sync Admin", "autoAdmin",
				"Brings org units, locations, users, roles, permissions, forms and obligations by itself.");
		documents = new AutoSyncRow(auto, "Sync Documents", "autoDocuments", "Sends and receives attached documents by itself.");

		Composite buttons = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons);
		Button save = new Button(buttons, SWT.PUSH);
		save.setText("Save");
		save.setData(SETTING_DATA, "save");
		save.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> save()));
		Button defaults = new Button(buttons, SWT.PUSH);
		defaults.setText("Restore Defaults");
		defaults.setData(SETTING_DATA, "defaults");
		defaults.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
			show(SyncSettings.DEFAULTS);
			status.setText("Defaults filled in; Save to keep them.");
		}));
		status = new Label(buttons, SWT.NONE);
		status.setData(SETTING_DATA, "status");
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(status);

		loadPlaces();
		show(store.load());
		// an Admin sync brings new org units, locations and assignments
		SyncEndings.onEachEnd(area, () -> {
			loadPlaces();
			showPlaces(store.load());
		});
	}

	private void loadPlaces() {
		OrgUnitTree tree = OrgUnitTree.load(database);
		String userId = new AccessPolicy(database).signedInUser().map(User::getId).orElse(null);
		syncableUnits = userId == null ? Set.of() : AssignedOrgUnits.of(database, tree, userId);
		orgUnit.setTree(syncableUnits.isEmpty() ? tree
				: new OrgUnitTree(tree.nodes().stream().map(OrgUnitTree.Node::unit).filter(unit -> syncableUnits.contains(unit.getId())).toList()));
		location.setLocations(Locations.all(database));
		offerLocationsOfTheChosenUnit();
	}

	private void offerLocationsOfTheChosenUnit() {
		String chosen = orgUnit.selectedId();
		String keep = location.selectedId();
		location.restrictTo(chosen != null ? orgUnit.tree().subtree(chosen) : syncableUnits.isEmpty() ? null : syncableUnits);
		location.select(keep);
	}

	/** Shows the saved unit and location; one no longer offered (no longer assigned, or gone) stays chosen, saying so. */
	private void showPlaces(SyncSettings settings) {
		String unit = settings.orgUnits().isEmpty() ? null : settings.orgUnits().get(0);
		orgUnit.selectKeeping(unit, notOffered(OrgUnitTree.load(database).nodes().stream().map(OrgUnitTree.Node::unit)
				.filter(u -> u.getId().equals(unit)).map(OrgUnit::getName).findFirst(), "An org unit"));
		offerLocationsOfTheChosenUnit();
		String place = settings.locations().isEmpty() ? null : settings.locations().get(0);
		location.selectKeeping(place, notOffered(Locations.all(database).stream().filter(l -> l.getId().equals(place)).map(Location::getName)
				.findFirst(), "A location"));
	}

	/** "North (no longer available)". */
	private static String notOffered(Optional<String> name, String unnamed) {
		return name.orElse(unnamed) + " (no longer available)";
	}

	private void show(SyncSettings settings) {
		dueToLast.setSelection(settings.dueToLastDays());
		inAdvance.setSelection(settings.syncInAdvanceDays());
		showPlaces(settings);
		retain.setSelection(settings.retainEvents());
		retainDays.select(closestChoice(settings.retainEventsDays()));
		retainDays.setEnabled(settings.retainEvents());
		allRisks.setSelection(settings.syncAllRisks());
		remind.setSelection(settings.remindBeforeSync());
		events.show(settings.autoEvents());
		admin.show(settings.autoAdmin());
		documents.show(settings.autoDocuments());
	}

	private void save() {
		SyncSettings current = store.load();
		try {
			SyncSettings changed = current.withDateWindow(dueToLast.getSelection(), inAdvance.getSelection())
					.withPlaces(chosen(orgUnit.selectedId()), chosen(location.selectedId()))
					.withRetention(retain.getSelection(), RETAIN_DAY_CHOICES[Math.max(0, retainDays.getSelectionIndex())])
					.withSyncAllRisks(allRisks.getSelection())
					.withAutoSync(remind.getSelection(), events.value(), admin.value(), documents.value());
			store.save(changed);
			status.setText("Saved. The next sync uses these settings.");
		} catch (IllegalArgumentException | BackingStoreException e) {
			status.setText("Not saved: " + e.getMessage());
		}
		status.getParent().layout(true);
	}

	private static List<String> chosen(String id) {
		return id == null ? List.of() : List.of(id);
	}

	private static int closestChoice(int days) {
		int best = 0;
		for (int i = 0; i < RETAIN_DAY_CHOICES.length; i++) {
			if (Math.abs(RETAIN_DAY_CHOICES[i] - days) < Math.abs(RETAIN_DAY_CHOICES[best] - days)) {
				best = i;
			}
		}
		return best;
	}

	private static Group group(Composite parent, String title) {
		Group group = new Group(parent, SWT.NONE);
		group.setText(title);
		GridLayoutFactory.swtDefaults().numColumns(3).spacing(12, 6).applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
		return group;
	}

	private static Composite row(Composite group, String label) {
		new Label(group, SWT.NONE).setText(label);
		Composite row = new Composite(group, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
		return row;
	}

	private static Spinner spinner(Composite group, String label, String setting, String meaning) {
		Spinner spinner = new Spinner(row(group, label), SWT.BORDER);
		spinner.setMinimum(0);
		spinner.setMaximum(SyncSettings.MAX_DAYS);
		spinner.setData(SETTING_DATA, setting);
		meaning(group, meaning);
		return spinner;
	}

	private static Button check(Composite group, String label, String setting, String meaning) {
		Button check = new Button(row(group, label), SWT.CHECK);
		check.setData(SETTING_DATA, setting);
		meaning(group, meaning);
		return check;
	}

	private static void meaning(Composite group, String text) {
		Label meaning = new Label(group, SWT.WRAP);
		meaning.setText(text);
		meaning.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(meaning);
	}

	/** A kind's automatic sync: checked or not, and every how long. */
	private static final class AutoSyncRow {
		private final Button enabled;
		private final Combo every;

		AutoSyncRow(Composite group, String label, String setting, String meaning) {
			Composite row = row(group, label);
			enabled = new Button(row, SWT.CHECK);
			enabled.setData(SETTING_DATA, setting);
			new Label(row, SWT.NONE).setText("Every");
			every = new Combo(row, SWT.READ_ONLY);
			every.setData(SETTING_DATA, setting + ".every");
			for (Duration choice : AutoSync.CHOICES) {
				every.add(describe(choice));
			}
			enabled.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> every.setEnabled(enabled.getSelection())));
			meaning(group, meaning);
		}

		void show(AutoSync auto) {
			enabled.setSelection(auto.enabled());
			int index = java.util.Arrays.asList(AutoSync.CHOICES).indexOf(auto.every());
			if (index < 0) {
				every.add(describe(auto.every()));
				index = every.getItemCount() - 1;
			}
			every.select(index);
			every.setEnabled(auto.enabled());
		}

		AutoSync value() {
			int index = every.getSelectionIndex();
			Duration interval = index < AutoSync.CHOICES.length ? AutoSync.CHOICES[index] : parse(every.getItem(index));
			return new AutoSync(enabled.getSelection(), interval);
		}

		private static String describe(Duration duration) {
			long minutes = duration.toMinutes();
			if (minutes % 60 != 0) {
				return minutes + " minutes";
			}
			long hours = minutes / 60;
			return hours == 1 ? "1 hour" : hours + " hours";
		}

		private static Duration parse(String text) {
			String[] parts = text.split(" ");
			long amount = Long.parseLong(parts[0]);
			return parts[1].startsWith("minute") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
		}
	}

	@Focus
	public void focus() {
		dueToLast.setFocus();
	}
}
