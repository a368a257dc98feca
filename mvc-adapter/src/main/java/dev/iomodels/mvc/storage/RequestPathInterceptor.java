package dev.iomodels.mvc.storage;

import dev.iomodels.storage.RequestPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link RequestPaths#check(String)} to the path as the client sent it
 * ({@code getRequestURI()} is not normalized by Tomcat), before any handler runs; a
 * refusal goes through {@link ProblemHandler} like every other.
 */
@Configuration(proxyBeanMethods = false)
class RequestPathInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		RequestPaths.check(request.getRequestURI());
		return true;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

}
