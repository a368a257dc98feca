package dev.iomodels.system.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .dockerignore} of a build context: which of its files a build never sees.
 * Docker's rules as far as this project uses them: one pattern a line, {@code **} for any
 * number of directories (none included), a trailing slash ignored, {@code !} to take a
 * file back, the last matching line deciding; a directory that matches takes everything
 * in it along.
 */
final class DockerIgnore {

	private final List<Rule> rules;

	private DockerIgnore(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	static DockerIgnore of(Path context) {
		Path file = context.resolve(".dockerignore");
		List<Rule> rules = new ArrayList<>();
		if (Files.isRegularFile(file)) {
			try {
				for (String line : Files.readAllLines(file)) {
					String pattern = line.strip();
					if (pattern.isEmpty() || pattern.startsWith("#")) {
						continue;
					}
					boolean keep = pattern.startsWith("!");
					pattern = pattern.substring(keep ? 1 : 0).replaceAll("^/+|/+$", "");
					rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern),
							pattern.startsWith("**/")
									? FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)) : null,
							keep));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new DockerIgnore(rules);
	}

	/**
	 * Return whether a file of the context is left out of the build.
	 * @param relative its path relative to the context
	 * @return whether it is ignored, itself or through a directory it is in
	 */
	boolean ignores(Path relative) {
		for (Path prefix = relative; prefix != null; prefix = prefix.getParent()) {
			Boolean decided = decide(prefix);
			if (decided != null && (decided || prefix.equals(relative))) {
				return decided;
			}
		}
		return false;
	}

	private Boolean decide(Path path) {
		Boolean decided = null;
		for (Rule rule : this.rules) {
			if (rule.matcher().matches(path) || (rule.atRoot() != null && rule.atRoot().matches(path))) {
				decided = !rule.keep();
			}
		}
		return decided;
	}

	private record Rule(PathMatcher matcher, PathMatcher atRoot, boolean keep) {

	}

}
