package org.outpost.persistence.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/**
 * One class loader over the bundles that contribute entities, then this bundle (which sees
 * EclipseLink and HSQLDB). EclipseLink needs a single loader that reaches all of them.
 */
public final class ContributorClassLoader extends ClassLoader {

	private final List<Bundle> contributors;

	public ContributorClassLoader(Collection<Bundle> contributors, ClassLoader parent) {
		super(parent);
		this.contributors = List.copyOf(contributors);
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		for (Bundle bundle : contributors) {
			try {
				return bundle.loadClass(name);
			} catch (ClassNotFoundException e) {
				// not this contributor's; try the next one
			}
		}
		throw new ClassNotFoundException(name);
	}

	@Override
	protected URL findResource(String name) {
		for (Bundle bundle : contributors) {
			URL url = bundle.getResource(name);
			if (url != null) {
				return url;
			}
		}
		return null;
	}

	@Override
	protected Enumeration<URL> findResources(String name) throws IOException {
		List<URL> urls = new ArrayList<>();
		for (Bundle bundle : contributors) {
			Enumeration<URL> found = bundle.getResources(name);
			if (found != null) {
				urls.addAll(Collections.list(found));
			}
		}
		return Collections.enumeration(urls);
	}
}
