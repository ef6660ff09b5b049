package org.outpost.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outpost.core.ApplicationVersion;
import org.outpost.core.VersionCompatibility;
import org.outpost.core.VersionCompatibility.Verdict;

class ApplicationVersionTest {

	@Test
	void parsesMajorMinorWithOrWithoutTail() {
		assertEquals(new ApplicationVersion(15, 2), ApplicationVersion.parse("15.2"));
		assertEquals(new ApplicationVersion(15, 2), ApplicationVersion.parse("15.02"));
		assertEquals(new ApplicationVersion(1, 0), ApplicationVersion.parse(" 1.0.0.202611271140 "));
		assertEquals("15.2", ApplicationVersion.parse("15.02").toString());
	}

	@Test
	void rejectsWhatIsNotAVersionNamingIt() {
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ApplicationVersion.parse("fifteen"));
		assertTrue(error.getMessage().contains("'fifteen'"), error.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ApplicationVersion.parse(null));
		assertThrows(IllegalArgumentException.class, () -> ApplicationVersion.parse("15"));
		assertThrows(IllegalArgumentException.class, () -> new ApplicationVersion(-1, 0));
	}

	@Test
	void sameMajorMinorGoes() {
		VersionCompatibility answer = ApplicationVersion.parse("15.2").compatibilityWithServer(ApplicationVersion.parse("15.2.7"));
		assertEquals(Verdict.GO, answer.verdict());
		assertTrue(answer.allowsSync());
	}

	@Test
	void minorOneApartWarnsNamingBothVersions() {
		VersionCompatibility answer = ApplicationVersion.parse("15.1").compatibilityWithServer(ApplicationVersion.parse("15.2"));
		assertEquals(Verdict.WARN, answer.verdict());
		assertTrue(answer.allowsSync());
		assertTrue(answer.message().contains("15.1") && answer.message().contains("15.2"), answer.message());
		assertTrue(answer.message().contains("update this desktop to Outpost 15.2"), answer.message());
	}

	@Test
	void fartherApartBlocksAndSaysWhichSideToUpdate() {
		VersionCompatibility oldDesktop = ApplicationVersion.parse("14.9").compatibilityWithServer(ApplicationVersion.parse("15.2"));
		assertEquals(Verdict.BLOCK, oldDesktop.verdict());
		assertFalse(oldDesktop.allowsSync());
		assertTrue(oldDesktop.message().contains("Update this desktop to Outpost 15.2"), oldDesktop.message());
		assertTrue(oldDesktop.message().contains("no data was sent or received"), oldDesktop.message());

		VersionCompatibility oldServer = ApplicationVersion.parse("15.4").compatibilityWithServer(ApplicationVersion.parse("15.2"));
		assertEquals(Verdict.BLOCK, oldServer.verdict());
		assertTrue(oldServer.message().contains("update the server to Outpost 15.4"), oldServer.message());
	}

	@Test
	void ordersByMajorThenMinor() {
		assertTrue(ApplicationVersion.parse("15.10").compareTo(ApplicationVersion.parse("15.9")) > 0);
		assertTrue(ApplicationVersion.parse("14.99").compareTo(ApplicationVersion.parse("15.0")) < 0);
	}
}
