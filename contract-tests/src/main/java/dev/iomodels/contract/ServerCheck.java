package dev.iomodels.contract;

import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A check of the running server that only one web stack can make (its connector, the
 * channel it bound), run by the contract suite's {@code ApiServer} section as a test of
 * its own.
 *
 * @param name what the check asserts, as the test's name
 * @param check the assertions, given the running server
 */
public record ServerCheck(String name, ThrowingConsumer<RunningServer> check) {

}
