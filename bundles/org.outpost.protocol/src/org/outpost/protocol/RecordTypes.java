package org.outpost.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record types of protocol version {@value Protocol#VERSION}: for each, the sync category it
 * travels in (the desktop's sync participant id) and the module whose permissions guard it.
 */
public final class RecordTypes {

	/** One known record type. {@code serverManaged}: devices read it but never write it. */
	public record RecordType(String name, String category, String module, boolean serverManaged) {
	}

	private static final Map<String, RecordType> TYPES = new LinkedHashMap<>();

	static {
		add("orgunit", "admin", "admin", true);
		add("location", "admin", "admin", true);
		add("user", "admin", "admin", true);
		add("role", "admin", "admin", true);
		add("assignment", "admin", "admin", true);
		add("form", "forms", "admin", true);
		add("setting", "admin", "admin", true);
		add("event", "events", "events", false);
		add("finding", "findings", "findings", false);
		add("action", "findings", "findings", false);
		add("obligation", "obligations", "obligations", false);
		add("risk", "risks", "risks", false);
		add("document", "documents", "documents", false);
	}

	private RecordTypes() {
	}

	private static void add(String name, String category, String module, boolean serverManaged) {
		TYPES.put(name, new RecordType(name, category, module, serverManaged));
	}

	public static Optional<RecordType> find(String name) {
		return Optional.ofNullable(TYPES.get(name));
	}

	public static List<RecordType> all() {
		return List.copyOf(TYPES.values());
	}

	/** The types a category carries, in the order a device applies them (parents first); empty when the category is unknown. */
	public static List<String> ofCategory(String category) {
		return TYPES.values().stream().filter(type -> type.category().equals(category)).map(RecordType::name).toList();
	}

	/** Every category, admin first. */
	public static List<String> categories() {
		return TYPES.values().stream().map(RecordType::category).distinct().toList();
	}
}
