package org.outpost.sync.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.Protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

/** A push request never exceeds the server's body limit, however large the records: what does not fit goes in the next one. */
class PushRequestSizeTest {

	@Test
	void aBatchThatFitsGoesWhole() {
		List<Mutation> small = mutations(500, 100);
		assertEquals(500, PushRequestSize.fitting(small, Protocol.MAX_REQUEST_BYTES));
	}

	@Test
	void aBatchOfLargeRecordsIsCutWhereTheNextMutationWouldPassTheLimit() throws IOException {
		List<Mutation> large = mutations(500, 30_000);
		int fitting = PushRequestSize.fitting(large, Protocol.MAX_REQUEST_BYTES);

		assertTrue(fitting > 0 && fitting < large.size(), "cut at " + fitting);
		assertTrue(bytes(large.subList(0, fitting)) <= Protocol.MAX_REQUEST_BYTES);
		assertTrue(bytes(large.subList(0, fitting + 1)) > Protocol.MAX_REQUEST_BYTES);
	}

	@Test
	void oneMutationGoesEvenWhenItAloneIsOverTheLimit() {
		assertEquals(1, PushRequestSize.fitting(mutations(2, 30_000), 1_000));
	}

	/** Creates whose one text field has {@code characters} multi-byte characters (UTF-8 counts, not characters). */
	private static List<Mutation> mutations(int count, int characters) {
		String text = "é".repeat(characters);
		return IntStream.range(0, count).mapToObj(n -> new Mutation(UUID.randomUUID().toString(), "event", UUID.randomUUID().toString(),
				Operation.CREATE, Map.of("answers", new FieldChange(JsonNodeFactory.instance.textNode(text), NullNode.getInstance())))).toList();
	}

	private static long bytes(List<Mutation> mutations) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		JsonCodec.write(out, new PushRequest(Integer.MAX_VALUE, mutations));
		return out.size();
	}
}
