package dev.iomodels.mvc.system;

import dev.iomodels.service.IoModel;
import dev.iomodels.service.WorkerSettings;

import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tells which threads run the requests. With {@code spring.threads.virtual.enabled=true}
 * Spring Boot gives Tomcat an executor that starts a virtual thread per request;
 * otherwise Tomcat runs them on its platform pool of {@code server.tomcat.threads.max}
 * threads.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

	@Bean
	WorkerSettings workerSettings(Environment environment, TomcatServerProperties tomcat) {
		if (Threading.VIRTUAL.isActive(environment)) {
			int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
					Runtime.getRuntime().availableProcessors());
			return new WorkerSettings(IoModel.VIRTUAL_THREADS,
					"a virtual thread per request on " + carriers + " carrier threads", carriers);
		}
		int max = tomcat.getThreads().getMax();
		return new WorkerSettings(IoModel.PLATFORM_THREADS, max + " platform threads (Tomcat pool)", max);
	}

}
