package org.outpost.server.internal.sync;

import java.util.Set;

/**
 * What one user may do and see, as the store's current {@link Directory} says: the permissions of
 * the user's roles ({@code module.action}, {@code module.*} or {@code *}) and the org units the
 * user is assigned, with all their sub-units.
 */
public record UserScope(String user, String displayName, boolean active, Set<String> permissions, Set<String> orgUnits) {

	public static final String DESKTOP_LOGIN = "desktop.login";

	public UserScope {
		permissions = Set.copyOf(permissions);
		orgUnits = Set.copyOf(orgUnits);
	}

	/** True when the user's roles grant {@code action} ({@code view}, {@code create}, {@code edit}, {@code delete}) on {@code module}. */
	public boolean may(String module, String action) {
		return permissions.contains("*") || permissions.contains(module + ".*") || permissions.contains(module + "." + action);
	}

	public boolean mayLogInFromDesktop() {
		return active && (permissions.contains("*") || permissions.contains(DESKTOP_LOGIN));
	}
}
