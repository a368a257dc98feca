package dev.iomodels.service;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link UnsupportedTransportException} into Spring Boot's short startup report
 * (Description / Action) instead of a stack trace of bean creation.
 */
class UnsupportedTransportFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedTransportException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedTransportException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + TransportProperties.PROPERTY + " to one of " + cause.support().supportedIds()
						+ ", or remove it to use " + cause.support().defaultTransport().id() + ".",
				cause);
	}

}
