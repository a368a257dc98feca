package dev.iomodels.mvc.system;

import java.io.IOException;

import dev.iomodels.service.RequestFilterOrder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Spring MVC's guard against reflected file downloads from adding
 * {@code Content-Disposition: inline;filename=f.txt} whenever a key looks like a file
 * name with an unknown extension ({@code photo.bin}, {@code .hidden}). WebFlux has no
 * such guard, so the header would make the services answer differently; and the guard
 * does not fit an object store, whose content and Content-Type are the client's own,
 * stored on purpose.
 */
@Component
@Order(RequestFilterOrder.DOWNLOAD_HEADER_SUPPRESSION)
class DownloadHeaderSuppression extends OncePerRequestFilter {

	private static final String GUARD_VALUE = "inline;filename=f.txt";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void addHeader(String name, String value) {
				if (!isGuard(name, value)) {
					super.addHeader(name, value);
				}
			}

			@Override
			public void setHeader(String name, String value) {
				if (!isGuard(name, value)) {
					super.setHeader(name, value);
				}
			}

		});
	}

	private static boolean isGuard(String name, String value) {
		return HttpHeaders.CONTENT_DISPOSITION.equalsIgnoreCase(name) && GUARD_VALUE.equals(value);
	}

}
