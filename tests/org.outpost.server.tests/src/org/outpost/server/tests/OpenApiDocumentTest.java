package org.outpost.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Protocol;

/** The OpenAPI document and the protocol constants describe the same API. */
class OpenApiDocumentTest {

	@Test
	void theDocumentListsExactlyTheServersErrorCodes() throws IOException {
		Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).collect(Collectors.toCollection(TreeSet::new));
		assertEquals(codes, new TreeSet<>(OpenApiDocument.load().errorCodes()));
	}

	@Test
	void theDocumentDeclaresEveryEndpointAndNoOther() throws IOException {
		Set<String> paths = OpenApiDocument.load().declared().stream().map(answer -> answer.split(" ")[1]).collect(Collectors.toSet());
		assertEquals(Set.of(Protocol.HELLO, Protocol.LOGIN, Protocol.CHANGES, Protocol.CHANGED, Protocol.PUSH, Protocol.ADMIN_RECORDS, Protocol.BLOBS + "/{sha256}",
				Protocol.BLOBS + "/{sha256}/" + Protocol.BLOB_UPLOAD, Protocol.HEALTH, Protocol.METRICS), paths);
		assertTrue(OpenApiDocument.load().declared().contains("POST " + Protocol.PUSH + " 200"));
	}
}
