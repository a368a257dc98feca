package dev.iomodels.webflux;

import dev.iomodels.contract.GuardedServiceContractTests;
import dev.iomodels.contract.GuardedSpringBootTest;

/**
 * The guards (write token, overload bound, request timeout, storage timeout), over real
 * HTTP, against webflux-service.
 */
@GuardedSpringBootTest
class WebfluxGuardedServiceContractTests extends GuardedServiceContractTests {

}
