package dev.iomodels.comparison;

/**
 * One colour per service, the same as on the Grafana dashboards
 * ({@code grafana/dashboards/io-models-side-by-side.json}), so that a reader who knows
 * one knows the other.
 */
final class ServiceColors {

	private ServiceColors() {
	}

	/**
	 * Return a service's colour.
	 * @param service the short name
	 * @return a CSS colour
	 */
	static String of(String service) {
		return switch (service) {
			case "classic" -> "#3274D9";
			case "loom" -> "#56A64B";
			case "webflux" -> "#FF9830";
			default -> "#7f7f7f";
		};
	}

}
