package dev.iomodels.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is a front door and the depth is in {@code docs/}: the README stays short,
 * links every page, and every relative link of the README and the pages reaches a file
 * that exists and, where it names an {@code #anchor}, a heading of that file. Plain reads
 * of the checkout; nothing is started.
 */
class DocumentationTests {

	private static final int README_MAX_LINES = 200;

	private static final int MAX_LINE_LENGTH = 200;

	private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private final Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

	@Test
	void theReadmeIsAFrontDoorThatLinksEveryPage() throws IOException {
		Path readme = this.root.resolve("README.md");
		List<String> lines = Files.readAllLines(readme);
		assertThat(lines).as("lines of README.md").hasSizeLessThanOrEqualTo(README_MAX_LINES);
		for (int i = 0; i < lines.size(); i++) {
			assertThat(lines.get(i).codePointCount(0, lines.get(i).length())).as("length of README.md line %d", i + 1)
				.isLessThanOrEqualTo(MAX_LINE_LENGTH);
		}
		Set<Path> linked = new LinkedHashSet<>();
		for (Link link : links(readme)) {
			linked.add(link.file());
		}
		assertThat(linked).as("the pages README.md links").containsAll(pages());
	}

	@Test
	void everyRelativeLinkReachesAFileAndHeadingThatExist() throws IOException {
		List<Path> documents = new ArrayList<>();
		documents.add(this.root.resolve("README.md"));
		documents.addAll(pages());
		Map<Path, Set<String>> anchors = new HashMap<>();
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Path document : documents) {
			for (Link link : links(document)) {
				checked++;
				String where = this.root.relativize(document) + ":" + link.line() + " " + link.target();
				if (!Files.exists(link.file())) {
					broken.add(where + " (no such file)");
				}
				else if (link.anchor() != null && link.file().toString().endsWith(".md")
						&& !anchors.computeIfAbsent(link.file(), DocumentationTests::anchors).contains(link.anchor())) {
					broken.add(where + " (no such heading; the page has " + anchors.get(link.file()) + ")");
				}
			}
		}
		assertThat(checked).as("relative links checked").isPositive();
		assertThat(broken).as("relative links of README.md and docs/*.md that lead nowhere").isEmpty();
	}

	@Test
	void theReadmesCurlLinesAreExamplesThatTheApiPageRuns() throws IOException {
		List<String> lines = Files.readAllLines(this.root.resolve("README.md"));
		List<String> readme = new ArrayList<>();
		boolean fence = false;
		for (String line : lines.subList(lines.indexOf("## The API"), lines.size())) {
			if (line.startsWith("```")) {
				if (fence) {
					break;
				}
				fence = true;
			}
			else if (fence && !line.isBlank() && !line.startsWith("#")) {
				readme.add(line);
			}
		}
		assertThat(readme).as("the README's curl lines").isNotEmpty();
		// ReadmeExamplesIT runs the page's block, so a README line that is one of its
		// commands, verbatim, is a line that works.
		assertThat(ReadmeExamplesIT.examples(this.root)).as("the commands of %s", ReadmeExamplesIT.PAGE)
			.containsAll(readme);
	}

	private List<Path> pages() {
		try (Stream<Path> files = Files.list(this.root.resolve("docs"))) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the relative links of a Markdown file, outside code blocks and code spans.
	 * @param document the file
	 * @return its links, each resolved against the file's folder
	 */
	private List<Link> links(Path document) throws IOException {
		List<Link> links = new ArrayList<>();
		List<String> lines = Files.readAllLines(document);
		boolean fence = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.stripLeading().startsWith("```")) {
				fence = !fence;
				continue;
			}
			if (fence) {
				continue;
			}
			Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll("code"));
			while (link.find()) {
				String target = link.group(2);
				if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
					continue;
				}
				int hash = target.indexOf('#');
				String path = (hash < 0) ? target : target.substring(0, hash);
				Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
				links.add(new Link(i + 1, target, file, (hash < 0) ? null : target.substring(hash + 1)));
			}
		}
		return links;
	}

	/**
	 * Return the anchors GitHub gives the headings of a Markdown file: the heading's text
	 * in lower case, without punctuation, spaces made hyphens, and {@code -1}, {@code -2}
	 * after repeats.
	 * @param document the file
	 * @return its anchors
	 */
	static Set<String> anchors(Path document) {
		try {
			Set<String> anchors = new LinkedHashSet<>();
			Map<String, Integer> seen = new HashMap<>();
			boolean fence = false;
			for (String line : Files.readAllLines(document)) {
				if (line.stripLeading().startsWith("```")) {
					fence = !fence;
				}
				Matcher heading = HEADING.matcher(line);
				if (!fence && heading.matches()) {
					String slug = slug(heading.group(2));
					int repeat = seen.merge(slug, 1, Integer::sum) - 1;
					anchors.add((repeat == 0) ? slug : slug + "-" + repeat);
				}
			}
			return anchors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String slug(String heading) {
		String text = LINK.matcher(heading).replaceAll("$1");
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	private record Link(int line, String target, Path file, String anchor) {
	}

}
