package org.outpost.admin.ui;

/** One entry of a picker: the record id (null for the empty entry) and its text. */
record Choice(String id, String text) {
}
