package org.outpost.protocol;

/** Every error answer's body: a stable code and a message for people. */
public record ErrorBody(String code, String message) {
}
