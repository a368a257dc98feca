package dev.iomodels.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WriteAuthorizationTests {

	private final WriteAuthorization required = new WriteAuthorization("s3cret-test-value");

	@Test
	void withoutATokenNothingIsChecked() {
		for (String token : new String[] { null, "", "  " }) {
			WriteAuthorization open = new WriteAuthorization(token);
			assertThat(open.isRequired()).isFalse();
			assertThat(open.permits("PUT", null)).isTrue();
			assertThat(open.permits("DELETE", "Bearer anything")).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "DELETE" })
	void aWriteNeedsTheToken(String method) {
		assertThat(this.required.isRequired()).isTrue();
		assertThat(this.required.permits(method, null)).isFalse();
		assertThat(this.required.permits(method, "Bearer s3cret-test-value")).isTrue();
		assertThat(this.required.permits(method, "bearer s3cret-test-value")).as("the scheme is case-insensitive")
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer s3cret-test-valu", "Bearer s3cret-test-valuee", "Bearer S3CRET-TEST-VALUE",
			"Basic s3cret-test-value", "s3cret-test-value", "Bearer", "Bearer ", "Bearers3cret-test-value", "" })
	void anythingButTheExactTokenIsRefused(String authorization) {
		assertThat(this.required.permits("PUT", authorization)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS" })
	void readsStayOpen(String method) {
		assertThat(this.required.permits(method, null)).isTrue();
	}

	@Test
	void theAuthSettingsNeverPrintTheToken() {
		assertThat(new StorageProperties.Auth("s3cret-test-value").toString()).doesNotContain("s3cret")
			.contains("<set>");
	}

}
