package dev.iomodels.gatling;

import dev.iomodels.harness.Service;

class ClassicGatlingSmokeIT extends AbstractGatlingSmoke {

	ClassicGatlingSmokeIT() {
		super(Service.CLASSIC);
	}

}
