package org.outpost.admin.ui;

import java.util.Collection;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.outpost.admin.Location;

/**
 * Picks a location; once an org unit is chosen it offers only the locations that belong to it
 * (or to a unit below it), so an editor cannot pair a unit with a location elsewhere.
 */
public final class LocationPicker {

	private final ChoiceCombo choices;
	private List<Location> locations;
	private Collection<String> restriction;

	/** @param emptyText the entry meaning "none chosen", e.g. "Any location" */
	public LocationPicker(Composite parent, List<Location> locations, String emptyText) {
		this.locations = List.copyOf(locations);
		choices = new ChoiceCombo(parent, emptyText);
		restrictTo(null);
	}

	/** Replaces the locations offered (e.g. after an Admin sync), keeping the restriction and the choice where it still exists. */
	public void setLocations(List<Location> newLocations) {
		this.locations = List.copyOf(newLocations);
		restrictTo(restriction);
	}

	/** Offers only locations in any of {@code orgUnitIds}; null offers all of them. */
	public void restrictTo(Collection<String> orgUnitIds) {
		this.restriction = orgUnitIds;
		choices.setChoices(locations.stream().filter(l -> orgUnitIds == null || orgUnitIds.stream().anyMatch(l::belongsTo))
				.map(l -> new Choice(l.getId(), l.getName())).toList());
	}

	/** The chosen location's id, or null. */
	public String selectedId() {
		return choices.selectedId();
	}

	public void select(String locationId) {
		choices.select(locationId);
	}

	/** Selects the location; one not offered (any more) stays chosen, shown as {@code textWhenNotOffered}. */
	public void selectKeeping(String locationId, String textWhenNotOffered) {
		choices.selectKeeping(locationId, textWhenNotOffered);
	}

	public void onChange(Runnable listener) {
		choices.combo().addListener(SWT.Selection, e -> listener.run());
	}

	public Combo control() {
		return choices.combo();
	}
}
