package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.User;
import org.outpost.admin.UserAssignment;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.settings.SyncSettings;
import org.outpost.sync.settings.SyncSettingsStore;
import org.outpost.sync.ui.internal.SettingsPart;
import org.outpost.test.support.Services;

/** Edits the Settings tab through its widgets and checks what the device then keeps. */
class SyncSettingsTabTest {

	private Shell shell;
	private SyncSettingsStore store;
	private final Map<String, Control> controls = new HashMap<>();

	@BeforeEach
	void openSettingsTab() {
		store = new SyncSettingsStore((IEclipsePreferences) InstanceScope.INSTANCE.getNode("org.outpost.ui.tests").node(UUID.randomUUID().toString()));
		open();
	}

	private void open() {
		shell = new Shell(Display.getDefault());
		shell.setLayout(new FillLayout());
		new SettingsPart(store).create(shell, Services.get(LocalDatabase.class));
		shell.pack();
		shell.open();
		controls.clear();
		collect(shell);
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	@Test
	void syncOrgUnitAndSyncLocationOfferTheUnitsAndTheirLocationsAndAreKept() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		OrgUnit region = changes.create(new OrgUnit("Tab Region", null));
		OrgUnit site = changes.create(new OrgUnit("Tab Site", region.getId()));
		Location yard = changes.create(new Location("Tab Yard", List.of(site.getId())));
		changes.create(new Location("Tab Office", List.of(region.getId())));
		// whoever this device knows as its user is assigned the region, so the tab offers it
		new AccessPolicy(database).signedInUser().map(User::getId)
				.ifPresent(user -> changes.create(new UserAssignment(user, region.getId())));
		shell.dispose();
		open();

		Combo units = (Combo) controls.get("orgUnits");
		assertEquals("All my org units", units.getText());
		assertTrue(Arrays.asList(units.getItems()).containsAll(List.of("Tab Region", "    Tab Site")), Arrays.toString(units.getItems()));
		assertTrue(Arrays.asList(((Combo) controls.get("locations")).getItems()).containsAll(List.of("Tab Yard", "Tab Office")));

		choose("orgUnits", "    Tab Site");
		click("orgUnits");
		assertEquals("Tab Site", units.getText(), "closed, the combo shows the unit without the list's indentation");
		assertTrue(Arrays.asList(units.getItems()).contains("Tab Region"), Arrays.toString(units.getItems()));
		List<String> locations = Arrays.asList(((Combo) controls.get("locations")).getItems());
		assertTrue(locations.contains("Tab Yard") && !locations.contains("Tab Office"), "only the chosen unit's locations: " + locations);
		choose("locations", "Tab Yard");
		click("save");

		assertEquals(List.of(site.getId()), store.load().orgUnits());
		assertEquals(List.of(yard.getId()), store.load().locations());
		shell.dispose();
		open();
		assertEquals("Tab Site", ((Combo) controls.get("orgUnits")).getText());
		assertEquals("Tab Yard", ((Combo) controls.get("locations")).getText());
	}

	@Test
	void aSavedUnitAndLocationNoLongerOfferedStayChosenAndAreKeptOnSave() throws Exception {
		String goneUnit = UUID.randomUUID().toString();
		String goneLocation = UUID.randomUUID().toString();
		store.save(SyncSettings.DEFAULTS.withPlaces(List.of(goneUnit), List.of(goneLocation)));
		shell.dispose();
		open();

		assertEquals("An org unit (no longer available)", ((Combo) controls.get("orgUnits")).getText());
		assertEquals("A location (no longer available)", ((Combo) controls.get("locations")).getText());
		((Spinner) controls.get("dueToLastDays")).setSelection(12);
		click("save");

		assertEquals(12, store.load().dueToLastDays());
		assertEquals(List.of(goneUnit), store.load().orgUnits(), "not dropped by a save of another setting");
		assertEquals(List.of(goneLocation), store.load().locations());
		choose("orgUnits", "All my org units");
		click("orgUnits");
		click("save");
		assertEquals(List.of(), store.load().orgUnits(), "the user can still let it go");
	}

	@Test
	void theTabShowsTheDefaultsOfAFreshDevice() {
		assertEquals(30, ((Spinner) controls.get("dueToLastDays")).getSelection());
		assertEquals(30, ((Spinner) controls.get("syncInAdvanceDays")).getSelection());
		assertTrue(((Button) controls.get("retainEvents")).getSelection());
		assertEquals("7 days", ((Combo) controls.get("retainEventsDays")).getText());
		assertFalse(((Button) controls.get("syncAllRisks")).getSelection());
		assertFalse(((Button) controls.get("autoEvents")).getSelection());
		assertFalse(controls.get("autoEvents.every").isEnabled(), "the interval of an unchecked auto sync is disabled");
	}

	@Test
	void everySettingEditedInTheTabIsKeptWhenSaved() {
		((Spinner) controls.get("dueToLastDays")).setSelection(14);
		((Spinner) controls.get("syncInAdvanceDays")).setSelection(90);
		toggle("retainEvents", false);
		assertFalse(controls.get("retainEventsDays").isEnabled(), "the days only matter while Retain Events is checked");
		toggle("syncAllRisks", true);
		toggle("remindBeforeSync", false);
		toggle("autoEvents", true);
		choose("autoEvents.every", "30 minutes");
		toggle("autoDocuments", true);
		choose("autoDocuments.every", "8 hours");
		click("save");

		SyncSettings saved = store.load();
		assertEquals(14, saved.dueToLastDays());
		assertEquals(90, saved.syncInAdvanceDays());
		assertFalse(saved.retainEvents());
		assertTrue(saved.syncAllRisks());
		assertFalse(saved.remindBeforeSync());
		assertTrue(saved.autoEvents().enabled());
		assertEquals(Duration.ofMinutes(30), saved.autoEvents().every());
		assertFalse(saved.autoAdmin().enabled());
		assertEquals(Duration.ofHours(8), saved.autoDocuments().every());
		assertTrue(((Label) controls.get("status")).getText().startsWith("Saved"), ((Label) controls.get("status")).getText());
	}

	@Test
	void restoreDefaultsOnlyFillsInUntilSaved() {
		((Spinner) controls.get("dueToLastDays")).setSelection(3);
		click("save");
		click("defaults");
		assertEquals(30, ((Spinner) controls.get("dueToLastDays")).getSelection());
		assertEquals(3, store.load().dueToLastDays(), "nothing changes before Save");
		click("save");
		assertEquals(SyncSettings.DEFAULTS, store.load());
	}

	private void toggle(String setting, boolean checked) {
		Button button = (Button) controls.get(setting);
		button.setSelection(checked);
		button.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	private void choose(String setting, String item) {
		Combo combo = (Combo) controls.get(setting);
		combo.select(combo.indexOf(item));
		assertEquals(item, combo.getText());
	}

	private void click(String setting) {
		controls.get(setting).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	private void collect(Control control) {
		if (control.getData(SettingsPart.SETTING_DATA) instanceof String setting) {
			controls.put(setting, control);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child);
			}
		}
	}
}
