package org.outpost.events;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.outpost.core.record.FieldReader;
import org.outpost.core.record.FieldValues;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;
import org.outpost.events.internal.EventJson;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A template for Events: a named list of questions, each with scored answers. */
@Entity(name = "Form")
@Table(name = "OUTPOST_FORM")
public class Form extends SyncedRecord implements Syncable {

	@Column(name = "NAME", nullable = false, length = 200)
	private String name;

	/** The questions as JSON (see {@link EventJson}); a form is read whole, never queried by question. */
	@Column(name = "QUESTIONS", nullable = false, length = 64000)
	private String questions = "[]";

	/** For JPA. */
	protected Form() {
	}

	public Form(String name, List<Question> questions) {
		setName(name);
		setQuestions(questions);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A form needs a name");
		}
		this.name = name.strip();
	}

	public List<Question> getQuestions() {
		return EventJson.questions(questions);
	}

	public void setQuestions(List<Question> newQuestions) {
		Set<String> ids = new HashSet<>();
		for (Question question : newQuestions) {
			if (!ids.add(question.id())) {
				throw new IllegalArgumentException("The form has two questions with the id " + question.id());
			}
		}
		this.questions = EventJson.questions(newQuestions);
	}

	public Optional<Question> question(String id) {
		return getQuestions().stream().filter(q -> q.id().equals(id)).findFirst();
	}

	/** The best total score: every question answered with its best answer. */
	public int maxScore() {
		return getQuestions().stream().mapToInt(Question::maxScore).sum();
	}

	@Override
	public String wireType() {
		return "form";
	}

	@Override
	public Map<String, Object> syncedFields() {
		return FieldValues.builder().put("name", name).put("questions", EventJson.wireQuestions(getQuestions())).build();
	}

	@Override
	public void applySyncedFields(Map<String, Object> fields) {
		name = FieldReader.text(fields, "name", name);
		questions = FieldReader.read(fields, "questions", questions, value -> EventJson.questions(EventJson.questionsFromWire(value)));
	}
}
