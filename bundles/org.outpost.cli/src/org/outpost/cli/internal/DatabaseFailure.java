package org.outpost.cli.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.LocalDatabaseUnavailable;

/**
 * Why the local database service could not be had: the message of the {@link LocalDatabaseUnavailable}
 * its component failed to activate with, as Declarative Services keeps it (the failure's stack trace).
 */
final class DatabaseFailure {

	private DatabaseFailure() {
	}

	static Optional<String> reason(BundleContext bundles) {
		ServiceReference<ServiceComponentRuntime> reference = bundles.getServiceReference(ServiceComponentRuntime.class);
		ServiceComponentRuntime runtime = reference == null ? null : bundles.getService(reference);
		if (runtime == null) {
			return Optional.empty();
		}
		try {
			for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
				if (description.serviceInterfaces == null || !List.of(description.serviceInterfaces).contains(LocalDatabase.class.getName())) {
					continue;
				}
				for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
					Optional<String> message = messageIn(configuration.failure);
					if (message.isPresent()) {
						return message;
					}
				}
			}
			return Optional.empty();
		} finally {
			bundles.ungetService(reference);
		}
	}

	/** The message of the {@link LocalDatabaseUnavailable} in a stack trace, as thrown or as a cause. */
	static Optional<String> messageIn(String stackTrace) {
		if (stackTrace == null) {
			return Optional.empty();
		}
		String thrown = LocalDatabaseUnavailable.class.getName() + ": ";
		return stackTrace.lines().map(line -> line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line)
				.filter(line -> line.startsWith(thrown)).map(line -> line.substring(thrown.length())).findFirst();
	}
}
