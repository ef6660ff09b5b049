package org.outpost.server.internal.sync;

import java.util.List;

import org.outpost.protocol.Messages.DeviceScope;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the web side decides for every desktop, from the {@code setting} records (body {@code key},
 * {@code value} as text, as the desktop's settings hold them): {@value #ACTIONS_ASSIGNED_TO_USER_ONLY}
 * = true syncs only the Actions assigned to the user instead of all Actions in the user's scope;
 * {@value #INCLUDE_CLOSED_ACTIONS} = false leaves Complete and Verified Actions on the server.
 */
public record ServerSettings(boolean actionsAssignedToUserOnly, boolean includeClosedActions) {

	public static final String ACTIONS_ASSIGNED_TO_USER_ONLY = "syncActionsAssignedToUserOnly";
	public static final String INCLUDE_CLOSED_ACTIONS = "syncCompleteVerifiedActions";

	/** The settings from the setting records' bodies; a key without a record keeps its default (all actions, closed ones too). */
	static ServerSettings of(List<ObjectNode> settings) {
		boolean assignedOnly = false;
		boolean closedToo = true;
		for (ObjectNode body : settings) {
			String key = body.path("key").asText();
			if (ACTIONS_ASSIGNED_TO_USER_ONLY.equals(key)) {
				assignedOnly = Boolean.parseBoolean(body.path("value").asText());
			} else if (INCLUDE_CLOSED_ACTIONS.equals(key)) {
				closedToo = Boolean.parseBoolean(body.path("value").asText());
			}
		}
		return new ServerSettings(assignedOnly, closedToo);
	}

	/** The device's settings with what the server imposes on them. */
	public DeviceScope imposeOn(DeviceScope device) {
		return new DeviceScope(device.dueToLastDays(), device.syncInAdvanceDays(), device.orgUnits(), device.locations(), device.syncAllRisks(),
				device.onlyMyActions() || actionsAssignedToUserOnly, device.closedActions() && includeClosedActions);
	}
}
