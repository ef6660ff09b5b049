package org.outpost.ui.test.support;

import java.util.ArrayList;
import java.util.List;

import org.outpost.ui.editor.DeleteButton;

/**
 * Answers a delete button's questions as a test scripts them and keeps what was asked and refused,
 * in order, instead of opening message boxes.
 */
public final class ScriptedPrompts implements DeleteButton.Prompts {

	private final List<Boolean> answers;
	private final List<String> told = new ArrayList<>();
	private final List<String> refusals = new ArrayList<>();
	private int asked;

	private ScriptedPrompts(List<Boolean> answers) {
		this.answers = answers;
	}

	/** Says Yes to every question. */
	public static ScriptedPrompts yes() {
		return new ScriptedPrompts(List.of(true));
	}

	/** Gives these answers in turn; the last one to every later question. */
	public static ScriptedPrompts answering(Boolean first, Boolean... then) {
		List<Boolean> answers = new ArrayList<>(List.of(first));
		answers.addAll(List.of(then));
		return new ScriptedPrompts(answers);
	}

	@Override
	public boolean confirm(String question) {
		told.add(question);
		return answers.get(Math.min(asked++, answers.size() - 1));
	}

	@Override
	public void refuse(String reason) {
		told.add(reason);
		refusals.add(reason);
	}

	/** Every question and refusal, in the order the user saw them. */
	public List<String> told() {
		return List.copyOf(told);
	}

	/** Only the refusals (a delete the button would not do). */
	public List<String> refusals() {
		return List.copyOf(refusals);
	}
}
