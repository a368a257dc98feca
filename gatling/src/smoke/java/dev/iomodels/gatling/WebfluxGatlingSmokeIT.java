package dev.iomodels.gatling;

import dev.iomodels.harness.Service;

class WebfluxGatlingSmokeIT extends AbstractGatlingSmoke {

	WebfluxGatlingSmokeIT() {
		super(Service.WEBFLUX);
	}

}
