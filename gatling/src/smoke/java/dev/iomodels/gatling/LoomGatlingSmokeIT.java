package dev.iomodels.gatling;

import dev.iomodels.harness.Service;

class LoomGatlingSmokeIT extends AbstractGatlingSmoke {

	LoomGatlingSmokeIT() {
		super(Service.LOOM);
	}

}
