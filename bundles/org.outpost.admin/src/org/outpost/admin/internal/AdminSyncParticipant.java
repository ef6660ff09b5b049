package org.outpost.admin.internal;

import java.util.List;

import org.outpost.admin.AppSetting;
import org.outpost.admin.Location;
import org.outpost.admin.OrgUnit;
import org.outpost.admin.Role;
import org.outpost.admin.User;
import org.outpost.admin.UserAssignment;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.sync.SyncParticipant;

/** Admin data takes part in the Admin sync kind; parents before what refers to them. */
public final class AdminSyncParticipant implements SyncParticipant {

	@Override
	public List<Class<? extends SyncedRecord>> recordTypes() {
		return List.of(OrgUnit.class, Location.class, Role.class, User.class, UserAssignment.class, AppSetting.class);
	}
}
