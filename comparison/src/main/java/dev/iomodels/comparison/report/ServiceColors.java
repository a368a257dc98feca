package dev.iomodels.comparison.report;

import dev.iomodels.comparison.Contender;

/**
 * One colour per service, the same as on the Grafana dashboards
 * ({@code grafana/dashboards/io-models-side-by-side.json}), so that a reader who knows
 * one knows the other.
 */
final class ServiceColors {

	private ServiceColors() {
	}

	/**
	 * Return a service's colour: the service's own on its default transport, a lighter or
	 * darker shade of it on another.
	 * @param label the short name, possibly with a transport ({@code webflux/io_uring})
	 * @return a CSS colour
	 */
	static String of(String label) {
		return switch (label) {
			case "classic/nio2" -> "#8AB8FF";
			case "loom/nio2" -> "#96D98D";
			case "webflux/nio" -> "#FFCB7D";
			case "webflux/io_uring" -> "#C15C17";
			default -> base(Contender.serviceOf(label));
		};
	}

	private static String base(String service) {
		return switch (service) {
			case "classic" -> "#3274D9";
			case "loom" -> "#56A64B";
			case "webflux" -> "#FF9830";
			default -> "#7f7f7f";
		};
	}

}
