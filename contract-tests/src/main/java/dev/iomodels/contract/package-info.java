/**
 * The HTTP contract of the storage API, which every service passes: the API suite
 * ({@link dev.iomodels.contract.StorageApiContractTests}, in {@code @Nested} sections by
 * concern) and the guards' suite
 * ({@link dev.iomodels.contract.GuardedServiceContractTests}).
 * <p>
 * Why a module of its own with the suites in {@code src/main/java}: the suites are what
 * this module ships, so they are its main code, and a service's tests depend on the
 * module with scope {@code test} like on any test library (JUnit, AssertJ and Jackson
 * come with it at compile scope). No test-jar, no {@code <type>test-jar</type>} in the
 * services, and shared-domain keeps no test library on its classpath.
 * <p>
 * A service subclasses a suite once per implementation (backend, transport) and says only
 * what differs: how Spring starts it
 * ({@link dev.iomodels.contract.ContractSpringBootTest}, plus a property or two) and what
 * it must report ({@link dev.iomodels.contract.ServiceUnderTest}, which also names the
 * checks of its web stack, {@link dev.iomodels.contract.tomcat} or
 * {@link dev.iomodels.contract.netty}). Where it listens comes from
 * {@link dev.iomodels.contract.RunningServerExtension}. Each section of a suite is a
 * class of its own ({@code ReadsContract}, ...), run by the suite as a one-line
 * {@code @Nested} subclass, and gets the test's {@code ContractClient} through its
 * constructor. Every answer a test receives is checked against the OpenAPI document the
 * service serves: its status, headers and JSON body
 * ({@link dev.iomodels.contract.OpenApiDocument}, on swagger-parser and networknt's JSON
 * Schema validator). {@link dev.iomodels.contract.ContractSectionLog} names on the
 * console the implementation that ran each section.
 */
package dev.iomodels.contract;
