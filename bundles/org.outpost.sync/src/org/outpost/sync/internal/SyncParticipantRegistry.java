package org.outpost.sync.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.outpost.core.sync.SyncKind;
import org.outpost.core.sync.SyncParticipant;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;

/**
 * Reads the {@code org.outpost.sync.participants} extension point once. A broken contribution is
 * logged with the reason and the contributing bundle, and skipped.
 */
public final class SyncParticipantRegistry implements SyncParticipants {

	public static final String EXTENSION_POINT = "org.outpost.sync.participants";
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
	private static final int DEFAULT_ORDER = 100;
	// a Full sync runs admin data first: events and documents refer to org units, users and forms
	private static final List<SyncKind> RUN_ORDER = List.of(SyncKind.ADMIN, SyncKind.EVENTS, SyncKind.DOCUMENTS);

	private IExtensionRegistry extensionRegistry;
	private List<SyncParticipantDescriptor> participants = List.of();

	void setExtensionRegistry(IExtensionRegistry registry) {
		this.extensionRegistry = registry;
	}

	void activate() {
		participants = read(extensionRegistry.getConfigurationElementsFor(EXTENSION_POINT));
	}

	/** Visible for the registry's tests, which feed it contributions of their own. */
	public static List<SyncParticipantDescriptor> read(IConfigurationElement[] elements) {
		ILog log = ILog.of(SyncParticipantRegistry.class);
		List<SyncParticipantDescriptor> valid = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (IConfigurationElement element : elements) {
			String contributor = element.getContributor().getName();
			try {
				SyncParticipantDescriptor descriptor = describe(element, contributor);
				if (!ids.add(descriptor.id())) {
					throw new IllegalArgumentException("the id '" + descriptor.id() + "' is already taken");
				}
				valid.add(descriptor);
			} catch (IllegalArgumentException | CoreException | ClassCastException e) {
				log.error("Skipped sync participant '" + element.getAttribute("id") + "' from " + contributor + ": " + e.getMessage(), e);
			}
		}
		valid.sort(Comparator.comparingInt((SyncParticipantDescriptor p) -> RUN_ORDER.indexOf(p.kind()))
				.thenComparingInt(SyncParticipantDescriptor::order).thenComparing(SyncParticipantDescriptor::id));
		return List.copyOf(valid);
	}

	private static SyncParticipantDescriptor describe(IConfigurationElement element, String contributor) throws CoreException {
		String id = required(element, "id");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("the id '" + id + "' may hold only letters, digits, '.', '-' and '_'");
		}
		String label = required(element, "label");
		SyncKind kind = SyncKind.fromKey(required(element, "kind"));
		if (kind == SyncKind.FULL) {
			throw new IllegalArgumentException("kind 'full' is not a participant kind; use events, admin or documents");
		}
		int order = order(element.getAttribute("order"));
		required(element, "class");
		SyncParticipant participant = (SyncParticipant) element.createExecutableExtension("class");
		String icon = element.getAttribute("icon");
		String iconUri = icon == null || icon.isBlank() ? null : "platform:/plugin/" + contributor + "/" + icon.trim();
		return new SyncParticipantDescriptor(id, label, iconUri, kind, order, contributor, participant);
	}

	private static String required(IConfigurationElement element, String attribute) {
		String value = element.getAttribute(attribute);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("the attribute '" + attribute + "' is missing");
		}
		return value.trim();
	}

	private static int order(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_ORDER;
		}
		try {
			return Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("the order '" + text + "' is not an integer");
		}
	}

	@Override
	public List<SyncParticipantDescriptor> all() {
		return participants;
	}

	@Override
	public Optional<SyncParticipantDescriptor> find(String id) {
		return participants.stream().filter(p -> p.id().equals(id)).findFirst();
	}
}
