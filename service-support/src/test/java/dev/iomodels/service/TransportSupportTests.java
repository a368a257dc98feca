package dev.iomodels.service;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TransportSupportTests {

	private final TransportSupport tomcat = new TransportSupport("Tomcat", Transport.NIO,
			List.of(Transport.NIO, Transport.NIO2));

	@Test
	void noValueSelectsTheDefault() {
		assertThat(this.tomcat.select(null)).isEqualTo(Transport.NIO);
		assertThat(this.tomcat.select(" ")).isEqualTo(Transport.NIO);
	}

	@Test
	void aSupportedValueIsSelectedInAnyCaseAndWithEitherSeparator() {
		assertThat(this.tomcat.select("NIO2")).isEqualTo(Transport.NIO2);
		TransportSupport netty = new TransportSupport("Reactor Netty", Transport.EPOLL,
				List.of(Transport.NIO, Transport.EPOLL, Transport.IO_URING));
		assertThat(netty.select("io_uring")).isEqualTo(Transport.IO_URING);
		assertThat(netty.select("io-uring")).isEqualTo(Transport.IO_URING);
	}

	@Test
	void aTransportTheServerDoesNotHaveFailsNamingPropertyValueAndTheSupportedOnes() {
		assertThatExceptionOfType(UnsupportedTransportException.class).isThrownBy(() -> this.tomcat.select("io_uring"))
			.withMessage("iomodels.server.transport=io_uring cannot be used: Tomcat has no io_uring transport. "
					+ "This service (Tomcat) supports nio, nio2; the default is nio.");
	}

	@Test
	void anUnknownValueFailsTheSameWay() {
		assertThatExceptionOfType(UnsupportedTransportException.class).isThrownBy(() -> this.tomcat.select("kqueue"))
			.withMessageStartingWith("iomodels.server.transport=kqueue cannot be used: it is not a transport.")
			.withMessageContaining("supports nio, nio2");
	}

	@Test
	void aNativeLibrarysReasonIsPartOfTheMessage() {
		UnsupportedTransportException ex = new UnsupportedTransportException("epoll", this.tomcat,
				"the native library does not load", new UnsatisfiedLinkError("no libnetty"));
		assertThat(ex).hasMessageEndingWith("Cause: java.lang.UnsatisfiedLinkError: no libnetty")
			.hasCauseInstanceOf(UnsatisfiedLinkError.class);
	}

	@Test
	void theDefaultMustBeSupported() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new TransportSupport("Tomcat", Transport.EPOLL, List.of(Transport.NIO)));
	}

}
