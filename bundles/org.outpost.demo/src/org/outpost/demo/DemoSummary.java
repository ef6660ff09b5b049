package org.outpost.demo;

/** What the generator wrote, and who is signed in on the device afterwards. */
public record DemoSummary(int orgUnits, int locations, int users, int roles, int forms, int events, int findings, int actions,
		int obligations, int risks, String signedInUserId) {
}
