package dev.iomodels.service;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class UnsupportedTransportFailureAnalyzerTests {

	@Test
	void theStartupReportSaysWhatIsWrongAndWhichValuesWork() {
		TransportSupport tomcat = new TransportSupport("Tomcat", Transport.NIO, List.of(Transport.NIO, Transport.NIO2));
		UnsupportedTransportException cause = new UnsupportedTransportException("epoll", tomcat,
				"Tomcat has no epoll transport");

		FailureAnalysis analysis = new UnsupportedTransportFailureAnalyzer()
			.analyze(new BeanCreationException("transportInUse", "failed", cause));

		assertThat(analysis.getDescription()).startsWith("iomodels.server.transport=epoll cannot be used");
		assertThat(analysis.getAction())
			.isEqualTo("Set iomodels.server.transport to one of nio, nio2, or remove it to use nio.");
	}

}
