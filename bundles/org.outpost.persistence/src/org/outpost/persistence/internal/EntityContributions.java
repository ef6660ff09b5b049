package org.outpost.persistence.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

import jakarta.persistence.Entity;

/** Reads the {@code org.outpost.persistence.entities} extension point. */
final class EntityContributions {

	static final String EXTENSION_POINT = "org.outpost.persistence.entities";

	private final List<Class<?>> classes = new ArrayList<>();

	EntityContributions(IExtensionRegistry registry) {
		ILog log = ILog.of(EntityContributions.class);
		for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
			String contributor = element.getContributor().getName();
			String className = element.getAttribute("class");
			try {
				// the contributor's name is the host's for a fragment: that bundle's class loader sees the fragment's classes
				Bundle bundle = Platform.getBundle(contributor);
				if (bundle == null || className == null || className.isBlank()) {
					log.warn("Skipped an entity contribution from " + contributor + ": it names no class");
					continue;
				}
				Class<?> type = bundle.loadClass(className.trim());
				if (!type.isAnnotationPresent(Entity.class)) {
					log.warn("Skipped entity " + className + " from " + contributor + ": it is not annotated with @Entity");
					continue;
				}
				if (!classes.contains(type)) {
					classes.add(type);
				}
			} catch (ClassNotFoundException | LinkageError e) {
				log.error("Skipped entity " + className + " from " + contributor + ": the class cannot be loaded", e);
			}
		}
	}

	List<Class<?>> classes() {
		return List.copyOf(classes);
	}
}
