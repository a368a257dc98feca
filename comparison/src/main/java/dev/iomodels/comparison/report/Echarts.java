package dev.iomodels.comparison.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts, the report's charting library, read from its WebJar
 * ({@code org.webjars:echarts}) on the classpath so that it can be inlined into
 * {@code report.html}: the page opens from disk with no network. Licensed under the
 * Apache License 2.0; the script keeps its licence header, and the report names it.
 *
 * @param version the library's version, e.g. {@code 5.5.0}
 * @param script the minified script
 */
record Echarts(String version, String script) {

	/** What the report says about the library's licence. */
	static final String NOTICE = "Charts by Apache ECharts %s, Copyright 2017-2024 The Apache Software Foundation,"
			+ " licensed under the Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0); this product"
			+ " includes software developed at The Apache Software Foundation (https://www.apache.org/).";

	private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars/echarts/pom.properties";

	/**
	 * Read the library from the classpath, once: the JVM initialises the holder on the
	 * first call, so no mutable static field is needed.
	 * @return the library
	 * @throws IllegalStateException if the WebJar is not on the classpath
	 */
	static Echarts load() {
		return Library.ECHARTS;
	}

	private static Echarts read() {
		String version = readVersion();
		return new Echarts(version, read("/META-INF/resources/webjars/echarts/" + version + "/echarts.min.js"));
	}

	/** Holds the library once it has been read. */
	private static final class Library {

		static final Echarts ECHARTS = read();

	}

	/**
	 * Return the script, safe to put between {@code <script>} and {@code </script>}.
	 * @return the script with every {@code </} written as {@code <\/}
	 */
	String inlined() {
		return this.script.replace("</", "<\\/");
	}

	/**
	 * Return the licence notice for the report's footer.
	 * @return one sentence
	 */
	String notice() {
		return NOTICE.formatted(this.version);
	}

	private static String readVersion() {
		try (InputStream in = Echarts.class.getResourceAsStream(POM_PROPERTIES)) {
			if (in == null) {
				throw new IllegalStateException("org.webjars:echarts is not on the classpath (" + POM_PROPERTIES + ")");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(String resource) {
		try (InputStream in = Echarts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("ECharts' script is missing from its WebJar: " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
