package org.outpost.ui.sync;

/**
 * The one parameterized sync command. Give it either a kind ({@code full}, {@code events},
 * {@code admin}, {@code documents}) or a participant id; the Sync perspective and the generated
 * register buttons both run it.
 */
public final class SyncCommand {

	public static final String ID = "org.outpost.ui.command.sync";
	public static final String KIND = "org.outpost.ui.command.sync.kind";
	public static final String PARTICIPANT = "org.outpost.ui.command.sync.participant";

	/**
	 * Persisted-state key on a module's register part naming its sync participant's id; the part
	 * then gets a generated sync button.
	 */
	public static final String REGISTER_PARTICIPANT_KEY = "org.outpost.sync.participant";

	/** Element id prefix of the generated register sync buttons, followed by the participant id. */
	public static final String BUTTON_ID_PREFIX = "org.outpost.ui.sync.button.";

	private SyncCommand() {
	}
}
