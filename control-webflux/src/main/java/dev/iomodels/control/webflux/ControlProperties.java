package dev.iomodels.control.webflux;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the control answers a GET with.
 *
 * @param payloadSize the length of the constant object every GET returns (Spring writes 1
 * KiB as {@code 1KB})
 */
@ConfigurationProperties("control")
record ControlProperties(@DefaultValue("1KB") DataSize payloadSize) {

	ControlProperties {
		if (payloadSize.isNegative()) {
			throw new IllegalArgumentException("control.payload-size must not be negative: " + payloadSize);
		}
	}

}
