package dev.iomodels.loom;

import dev.iomodels.contract.GuardedServiceContractTests;
import dev.iomodels.contract.GuardedSpringBootTest;

/**
 * The guards (write token, overload bound, request timeout, storage timeout), over real
 * HTTP, against loom-service.
 */
@GuardedSpringBootTest
class LoomGuardedServiceContractTests extends GuardedServiceContractTests {

}
