package org.outpost.events.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.outpost.events.AnswerOption;
import org.outpost.events.Question;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How a Form's questions and an Event's answers are kept in their JSON columns. */
public final class EventJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private EventJson() {
	}

	public static String questions(List<Question> questions) {
		return write(wireQuestions(questions));
	}

	/** The questions as plain lists and maps, the form they take on the wire. */
	public static List<Map<String, Object>> wireQuestions(List<Question> questions) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Question question : questions) {
			List<Map<String, Object>> options = new ArrayList<>();
			for (AnswerOption option : question.options()) {
				Map<String, Object> o = new LinkedHashMap<>();
				o.put("label", option.label());
				o.put("score", option.score());
				options.add(o);
			}
			Map<String, Object> q = new LinkedHashMap<>();
			q.put("id", question.id());
			q.put("text", question.text());
			q.put("options", options);
			list.add(q);
		}
		return list;
	}

	public static List<Question> questions(String json) {
		if (json == null || json.isEmpty()) {
			return new ArrayList<>();
		}
		return questionsFromWire(read(json, new TypeReference<List<Object>>() {
		}));
	}

	/** The questions from their wire form, the lists and maps {@link #wireQuestions} gives. */
	public static List<Question> questionsFromWire(Object wire) {
		List<Question> questions = new ArrayList<>();
		for (Object q : (List<?>) wire) {
			Map<?, ?> question = (Map<?, ?>) q;
			List<AnswerOption> options = new ArrayList<>();
			for (Object o : (List<?>) question.get("options")) {
				Map<?, ?> option = (Map<?, ?>) o;
				options.add(new AnswerOption((String) option.get("label"), ((Number) option.get("score")).intValue()));
			}
			questions.add(new Question((String) question.get("id"), (String) question.get("text"), options));
		}
		return questions;
	}

	public static String answers(Map<String, String> answers) {
		return write(answers);
	}

	public static Map<String, String> answers(String json) {
		if (json == null || json.isEmpty()) {
			return new LinkedHashMap<>();
		}
		return read(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

	private static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalArgumentException(e.getOriginalMessage(), e);
		}
	}

	private static <T> T read(String json, TypeReference<T> type) {
		try {
			return MAPPER.readValue(json, type);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("Damaged JSON in an event record: " + e.getOriginalMessage(), e);
		}
	}
}
