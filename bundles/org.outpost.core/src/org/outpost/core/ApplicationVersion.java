package org.outpost.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Outpost application version as client and server exchange it: {@code major.minor}, e.g.
 * {@code 15.2}. The micro part of a bundle version is a build detail and never decides
 * compatibility.
 */
public final class ApplicationVersion implements Comparable<ApplicationVersion> {

	/** The version of this build of Outpost; every Outpost bundle carries the same major.minor. */
	public static final ApplicationVersion CURRENT = new ApplicationVersion(1, 0);

	private static final Pattern TEXT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.\\S*)?");

	private final int major;
	private final int minor;

	public ApplicationVersion(int major, int minor) {
		if (major < 0 || minor < 0) {
			throw new IllegalArgumentException("A version has no negative parts: " + major + "." + minor);
		}
		this.major = major;
		this.minor = minor;
	}

	/**
	 * Parses {@code major.minor} with an optional {@code .anything} tail ({@code 15.2},
	 * {@code 15.02}, {@code 15.2.0.qualifier}).
	 *
	 * @throws IllegalArgumentException naming the text when it is not a version
	 */
	public static ApplicationVersion parse(String text) {
		Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not an application version (expected major.minor, e.g. 15.2): '" + text + "'");
		}
		return new ApplicationVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public int major() {
		return major;
	}

	public int minor() {
		return minor;
	}

	/**
	 * How a client at this version may sync with a server at {@code server} (DESIGN.md §3): the
	 * same major.minor goes, minors one apart go with a warning, anything else moves no data.
	 */
	public VersionCompatibility compatibilityWithServer(ApplicationVersion server) {
		Objects.requireNonNull(server, "server");
		if (equals(server)) {
			return VersionCompatibility.go(this, server);
		}
		if (major == server.major && Math.abs(minor - server.minor) == 1) {
			return VersionCompatibility.warn(this, server);
		}
		return VersionCompatibility.block(this, server);
	}

	@Override
	public int compareTo(ApplicationVersion other) {
		int byMajor = Integer.compare(major, other.major);
		return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ApplicationVersion version && version.major == major && version.minor == minor;
	}

	@Override
	public int hashCode() {
		return 31 * major + minor;
	}

	@Override
	public String toString() {
		return major + "." + minor;
	}
}
