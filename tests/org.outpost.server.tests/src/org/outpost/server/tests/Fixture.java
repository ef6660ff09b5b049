package org.outpost.server.tests;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outpost.protocol.Messages.ChangesRequest;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Protocol;
import org.outpost.server.ServerAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Builds the test company through the real admin API, and the JSON of device requests. */
final class Fixture {

	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	final String root;
	final String a;
	final String a1;
	final String b;

	/** Editor: may edit records on the web side. Officer: events.*, findings view/create/edit (no delete), assigned A (so A and A1). Web: events.view only, no desktop login. */
	Fixture(ServerAdmin admin) {
		admin.putRole("Officer", List.of("desktop.login", "events.*", "findings.view", "findings.create", "findings.edit"));
		admin.putRole("WebOnly", List.of("events.view"));
		admin.putRole("Editor", List.of("desktop.login", Protocol.SERVER_EDIT));
		root = admin.addOrgUnit("Root", null);
		a = admin.addOrgUnit("A", root);
		a1 = admin.addOrgUnit("A1", a);
		b = admin.addOrgUnit("B", root);
		admin.putUser("officer", "Olga Officer", "secret", List.of("Officer"));
		admin.assign("officer", a);
		admin.putUser("web", "Wendy Web", "secret", List.of("WebOnly"));
		admin.assign("web", a);
		admin.putUser("editor", "Ed Editor", "secret", List.of("Editor"));
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	static JsonNode text(String value) {
		return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
	}

	/** A web-side event; returns its id. */
	static String event(ServerAdmin admin, String orgUnit, LocalDate due, String title) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("orgUnit", text(orgUnit));
		fields.put("dueDate", text(due.toString()));
		fields.put("title", text(title));
		fields.put("status", text("scheduled"));
		return admin.putRecord("event", newId(), fields).id();
	}

	static String pull(String category, String cursor, int limit, DeviceScope scope) {
		return Api.json(new ChangesRequest(category, cursor, limit, scope));
	}

	static Mutation create(String type, String recordId, Map<String, String> values) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		values.forEach((name, value) -> fields.put(name, new FieldChange(text(value), null)));
		return new Mutation(newId(), type, recordId, Operation.CREATE, fields);
	}

	/** An update of one field from {@code base} to {@code value}. */
	static FieldChange change(String base, String value) {
		return new FieldChange(text(value), text(base));
	}

	static String push(int pending, Mutation... mutations) {
		return Api.json(new PushRequest(pending, List.of(mutations)));
	}
}
