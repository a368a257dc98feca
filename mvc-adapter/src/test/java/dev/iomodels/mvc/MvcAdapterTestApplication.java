package dev.iomodels.mvc;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The configuration the adapter's slice tests start from; the services have their own.
 */
@SpringBootApplication
@Import(MvcAdapter.class)
class MvcAdapterTestApplication {

}
