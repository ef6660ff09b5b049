package org.outpost.sync.tests;

/** Contributed as a participant class although it does not implement SyncParticipant. */
public final class NotAParticipant {
}
