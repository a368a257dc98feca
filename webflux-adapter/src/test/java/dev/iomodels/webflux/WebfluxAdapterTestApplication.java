package dev.iomodels.webflux;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The configuration the adapter's tests start from; the service has its own.
 */
@SpringBootApplication
@Import(WebfluxAdapter.class)
class WebfluxAdapterTestApplication {

}
