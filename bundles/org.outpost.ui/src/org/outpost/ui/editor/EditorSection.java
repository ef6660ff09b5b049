package org.outpost.ui.editor;

import org.eclipse.swt.widgets.Composite;

/**
 * A part of another module's record editor, declared through the extension point
 * {@code org.outpost.ui.editorSections} for a record type: e.g. the Findings module shows an
 * Event's findings and actions in the Event editor, with Raise finding.
 */
public interface EditorSection {

	/**
	 * Adds the section to the editor's two-column grid (spanning both columns) for a stored record.
	 *
	 * @param editable false in a read-only editor
	 */
	void create(Composite grid, String recordType, String recordId, boolean editable);
}
