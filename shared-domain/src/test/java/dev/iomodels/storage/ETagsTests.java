package dev.iomodels.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ETagsTests {

	// Known SHA-256 vectors (FIPS 180-2 and the usual pangram): a client computing the
	// ETag before uploading must get the same value.
	@Test
	void etagOfNoBytesIsTheQuotedSha256OfTheEmptyInput() {
		assertThat(ETags.of(new byte[0]))
			.isEqualTo("\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"");
	}

	@Test
	void etagOfAbcIsItsQuotedSha256() {
		assertThat(ETags.of("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
	}

	@Test
	void etagOfALongerInputIsItsQuotedSha256() {
		assertThat(ETags.of("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("\"d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592\"");
	}

	@Test
	void etagIsAStrongTagOfLowercaseHex() {
		assertThat(ETags.of(new byte[] { -1, 0, 127 })).matches("\"[0-9a-f]{64}\"");
	}

	@Test
	void etagDependsOnTheBytesAlone() {
		assertThat(ETags.of(new byte[] { 1, 2, 3 })).isEqualTo(ETags.of(new byte[] { 1, 2, 3 }));
		assertThat(ETags.of(new byte[] { 1, 2, 3 })).isNotEqualTo(ETags.of(new byte[] { 1, 2, 4 }));
		assertThat(ETags.of(new byte[] { 0 })).isNotEqualTo(ETags.of(new byte[0]));
	}

	// A shared MessageDigest would mix up the inputs of concurrent writes.
	@Test
	void etagsComputedConcurrentlyAreTheSameAsComputedAlone() throws Exception {
		List<byte[]> inputs = new ArrayList<>();
		Map<Integer, String> expected = new ConcurrentHashMap<>();
		for (int i = 0; i < 16; i++) {
			byte[] input = ("object-" + i).repeat(200).getBytes(StandardCharsets.US_ASCII);
			inputs.add(input);
			expected.put(i, ETags.of(input));
		}
		try (Contention contention = new Contention(16)) {
			List<Contention.Outcome<Boolean>> outcomes = contention.run((thread) -> () -> {
				for (int round = 0; round < 500; round++) {
					int i = (thread + round) % inputs.size();
					if (!ETags.of(inputs.get(i)).equals(expected.get(i))) {
						return false;
					}
				}
				return true;
			});
			assertThat(outcomes).extracting(Contention.Outcome::value).containsOnly(true);
		}
	}

}
