package org.outpost.server.internal.sync;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

/**
 * What the web side decides for every desktop, from the {@code setting} records (body {@code key},
 * {@code value} as text, as the desktop's settings hold them): {@value #ACTIONS_ASSIGNED_TO_USER_ONLY} = true syncs only the Actions assigned to
 * the user instead of all Actions in the user's scope.
 */
public record ServerSettings(boolean actionsAssignedToUserOnly) {

	public static final String ACTIONS_ASSIGNED_TO_USER_ONLY = "syncActionsAssignedToUserOnly";

	public static ServerSettings read(EntityManager em) {
		boolean assignedOnly = false;
		for (StoredRecord setting : em.createQuery("SELECT r FROM StoredRecord r WHERE r.type = 'setting' AND r.tombstone = FALSE", StoredRecord.class)
				.setHint(ChangeFeed.READ_ONLY, true).getResultList()) {
			ObjectNode body = JsonCodec.parseObject(setting.getBody());
			if (ACTIONS_ASSIGNED_TO_USER_ONLY.equals(body.path("key").asText())) {
				assignedOnly = Boolean.parseBoolean(body.path("value").asText());
			}
		}
		return new ServerSettings(assignedOnly);
	}

	/** The device's settings with what the server imposes on them. */
	public DeviceScope imposeOn(DeviceScope device) {
		return new DeviceScope(device.dueToLastDays(), device.syncInAdvanceDays(), device.orgUnits(), device.locations(), device.syncAllRisks(),
				device.onlyMyActions() || actionsAssignedToUserOnly);
	}
}
