package org.outpost.admin.ui;

/**
 * One entry of a picker: the record id (null for the empty entry), its text in the open list, and
 * its text in the closed combo (without the list's tree indentation).
 */
record Choice(String id, String text, String closedText) {

	Choice(String id, String text) {
		this(id, text, text);
	}
}
