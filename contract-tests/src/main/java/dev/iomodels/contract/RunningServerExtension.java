package dev.iomodels.contract;

import java.net.URI;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Tells a contract suite where the service listens, as a {@link RunningServer} parameter
 * of its {@code @BeforeEach} method, so that no subclass has to.
 * <p>
 * A test class that {@code @SpringBootTest} started (on a random port, with
 * {@code management.server.port=0}) gets the ports that service bound, from the
 * {@code local.server.port} and {@code local.management.port} properties of its context.
 * Any other class gets the service named by the system properties {@value #API_PROPERTY}
 * and {@value #MANAGEMENT_PROPERTY} (the latter defaults to the former), for a service
 * that runs already ({@code RunningServiceContract}).
 */
public final class RunningServerExtension implements ParameterResolver {

	/** The system property naming the API of a service that runs already. */
	public static final String API_PROPERTY = "contract.api";

	/** The system property naming its management endpoints. */
	public static final String MANAGEMENT_PROPERTY = "contract.management";

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == RunningServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		ExtensionContext testClass = outermostTestClass(extension);
		if (TestContextAnnotationUtils.hasAnnotation(testClass.getRequiredTestClass(), SpringBootTest.class)) {
			return startedBySpring(SpringExtension.getApplicationContext(testClass));
		}
		String api = System.getProperty(API_PROPERTY);
		if (api == null || api.isBlank()) {
			throw new IllegalStateException(testClass.getRequiredTestClass().getName()
					+ " is no @SpringBootTest, so it needs -D" + API_PROPERTY + "=<the API's base URI>");
		}
		return new RunningServer(URI.create(api), URI.create(System.getProperty(MANAGEMENT_PROPERTY, api)), null);
	}

	/**
	 * Return the context of the class that runs the suite: the subclass, not a section of
	 * the suite, whose enclosing class is the abstract suite itself.
	 */
	private static ExtensionContext outermostTestClass(ExtensionContext extension) {
		ExtensionContext outermost = extension;
		for (ExtensionContext parent = extension.getParent().orElse(null); parent != null
				&& parent.getTestClass().isPresent(); parent = parent.getParent().orElse(null)) {
			outermost = parent;
		}
		return outermost;
	}

	private static RunningServer startedBySpring(ApplicationContext context) {
		Environment environment = context.getEnvironment();
		String port = environment.getRequiredProperty("local.server.port");
		String managementPort = environment.getProperty("local.management.port", port);
		return new RunningServer(URI.create("http://localhost:" + port),
				URI.create("http://localhost:" + managementPort), context);
	}

}
