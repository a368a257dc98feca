package dev.iomodels.contract;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.instant;
import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ApiAssertions.text;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing in key order, a page at a time, and the parameters it refuses.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Listing}.
 */
abstract class ListingContract {

	/** The test's client of the service. */
	private final ContractClient client;

	ListingContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void listingPagesThroughKeysInAscendingOrder() {
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		Map<String, String> contentTypes = new LinkedHashMap<>();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			order.add(i);
		}
		Collections.shuffle(order);
		for (int i : order) {
			String key = this.client.key(String.format("item%02d", i));
			byte[] body = randomBytes(i * 7);
			String contentType = "application/x-item" + (i % 3);
			this.client.create(key, body, contentType);
			bodies.put(key, body);
			contentTypes.put(key, contentType);
		}
		List<String> expectedKeys = bodies.keySet().stream().sorted().toList();

		JsonNode first = listPage("prefix=" + this.client.prefix() + "&limit=10");
		JsonNode second = listPage("prefix=" + this.client.prefix() + "&limit=10&cursor=" + cursor(first));
		JsonNode third = listPage("prefix=" + this.client.prefix() + "&limit=10&cursor=" + cursor(second));
		assertThat(first.path("items").size()).isEqualTo(10);
		assertThat(second.path("items").size()).isEqualTo(10);
		assertThat(third.path("items").size()).isEqualTo(5);
		assertThat(third.path("nextCursor").isNull()).as(third.toString()).isTrue();

		List<String> listed = new ArrayList<>();
		for (JsonNode page : List.of(first, second, third)) {
			for (JsonNode item : page.path("items")) {
				String key = item.path("key").stringValue();
				listed.add(key);
				assertThat(item.propertyNames()).as(item.toString())
					.containsExactlyInAnyOrder("key", "size", "contentType", "etag", "modified");
				assertThat(bodies).as("listed key %s", key).containsKey(key);
				assertThat(item.path("size").longValue()).as(item.toString()).isEqualTo(bodies.get(key).length);
				assertThat(item.path("etag").stringValue()).as(item.toString()).isEqualTo(etagOf(bodies.get(key)));
				assertThat(item.path("contentType").stringValue()).as(item.toString()).isEqualTo(contentTypes.get(key));
				instant(item, "modified");
			}
		}
		assertThat(listed).containsExactlyElementsOf(expectedKeys);
	}

	@Test
	void listingPageThatIsExactlyFullAtTheEndHasNullNextCursor() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = this.client.key("full" + i);
			this.client.create(key, bytes("x" + i), "text/plain");
			keys.add(key);
		}
		JsonNode whole = listPage("prefix=" + this.client.prefix() + "&limit=10");
		assertThat(keysOf(whole)).containsExactlyElementsOf(keys);
		assertThat(whole.path("nextCursor").isNull()).as(whole.toString()).isTrue();
		JsonNode firstHalf = listPage("prefix=" + this.client.prefix() + "&limit=5");
		JsonNode secondHalf = listPage("prefix=" + this.client.prefix() + "&limit=5&cursor=" + cursor(firstHalf));
		assertThat(keysOf(firstHalf)).containsExactlyElementsOf(keys.subList(0, 5));
		assertThat(keysOf(secondHalf)).containsExactlyElementsOf(keys.subList(5, 10));
		assertThat(secondHalf.path("nextCursor").isNull()).as(secondHalf.toString()).isTrue();
	}

	@Test
	void listingLimitDefaultsTo100() {
		for (int i = 0; i < 101; i++) {
			this.client.create(this.client.key(String.format("many%03d", i)), new byte[0], "text/plain");
		}
		JsonNode first = listPage("prefix=" + this.client.prefix());
		assertThat(first.path("items").size()).isEqualTo(100);
		JsonNode second = listPage("prefix=" + this.client.prefix() + "&cursor=" + cursor(first));
		assertThat(keysOf(second)).containsExactly(this.client.key("many100"));
		assertThat(second.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void listingAcceptsLimitsFrom1To1000() {
		this.client.create(this.client.key("a"), bytes("a"), "text/plain");
		this.client.create(this.client.key("b"), bytes("b"), "text/plain");
		JsonNode one = listPage("prefix=" + this.client.prefix() + "&limit=1");
		assertThat(keysOf(one)).containsExactly(this.client.key("a"));
		JsonNode rest = listPage("prefix=" + this.client.prefix() + "&limit=1000&cursor=" + cursor(one));
		assertThat(keysOf(rest)).containsExactly(this.client.key("b"));
		assertThat(rest.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void listingOfUnusedPrefixIsEmpty() {
		JsonNode page = listPage("prefix=" + this.client.prefix());
		assertThat(page.path("items").isArray()).isTrue();
		assertThat(page.path("items").size()).isZero();
		assertThat(page.path("nextCursor").isNull()).isTrue();
	}

	@ParameterizedTest(name = "limit={0}")
	@ValueSource(strings = { "0", "1001", "abc", "", "-1", "10.5", "99999" })
	void listingWithLimitOutsideOneTo1000Answers400InvalidParameter(String limit) {
		assertProblem(this.client.list("prefix=" + this.client.prefix() + "&limit=" + limit), 400, "invalid-parameter");
	}

	@ParameterizedTest(name = "cursor={0}")
	@ValueSource(strings = { "!!!", "Zm9v", "djE6LWJhZA" })
	void listingWithCursorItNeverHandedOutAnswers400InvalidParameter(String cursor) {
		assertProblem(this.client.list("prefix=" + this.client.prefix() + "&cursor=" + cursor), 400,
				"invalid-parameter");
	}

	@Test
	void listingWithPrefixOutsideTheKeyAlphabetAnswers400InvalidParameter() {
		assertProblem(this.client.list("prefix=a%2Fb"), 400, "invalid-parameter");
		assertProblem(this.client.list("prefix=a%20b"), 400, "invalid-parameter");
		assertProblem(this.client.list("prefix=" + "a".repeat(257)), 400, "invalid-parameter");
	}

	private JsonNode listPage(String rawQuery) {
		HttpResponse<byte[]> response = this.client.list(rawQuery);
		assertStatus(response, 200);
		JsonNode page = json(response);
		assertThat(page.propertyNames()).as(describe(response)).containsExactlyInAnyOrder("items", "nextCursor");
		assertThat(page.path("items").isArray()).as(describe(response)).isTrue();
		JsonNode nextCursor = page.path("nextCursor");
		assertThat(nextCursor.isNull() || (nextCursor.isString() && !nextCursor.stringValue().isBlank()))
			.as("nextCursor is a string or null: %s", describe(response))
			.isTrue();
		return page;
	}

	private static String cursor(JsonNode page) {
		JsonNode cursor = page.path("nextCursor");
		assertThat(cursor.isString()).as("a next cursor in %s", page).isTrue();
		return URLEncoder.encode(cursor.stringValue(), StandardCharsets.UTF_8);
	}

	private static List<String> keysOf(JsonNode page) {
		List<String> keys = new ArrayList<>();
		for (JsonNode item : page.path("items")) {
			keys.add(item.path("key").stringValue());
		}
		return keys;
	}

}
