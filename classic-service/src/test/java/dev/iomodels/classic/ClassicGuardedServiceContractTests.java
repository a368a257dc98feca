package dev.iomodels.classic;

import dev.iomodels.contract.GuardedServiceContractTests;
import dev.iomodels.contract.GuardedSpringBootTest;

/**
 * The guards (write token, overload bound, request timeout, storage timeout), over real
 * HTTP, against classic-service.
 */
@GuardedSpringBootTest
class ClassicGuardedServiceContractTests extends GuardedServiceContractTests {

}
