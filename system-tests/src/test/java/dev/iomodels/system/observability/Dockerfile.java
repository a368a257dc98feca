package dev.iomodels.system.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its stages and instructions, as far as the static checks and the
 * native run of its build stage need: continuation lines joined, comments and parser
 * directives dropped, the flags of {@code COPY} and {@code RUN} told apart from their
 * arguments.
 *
 * @param file where it was read from
 * @param stages its stages, in order
 */
record Dockerfile(Path file, List<Stage> stages) {

	private static final Pattern FROM = Pattern.compile("(?i)(\\S+)(?:\\s+AS\\s+(\\S+))?");

	Dockerfile {
		stages = List.copyOf(stages);
	}

	static Dockerfile read(Path file) {
		try {
			return parse(file, Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Dockerfile parse(Path file, String text) {
		List<Stage> stages = new ArrayList<>();
		StringBuilder logical = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			String stripped = line.strip();
			if (logical.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
				continue;
			}
			if (!logical.isEmpty() && stripped.startsWith("#")) {
				continue; // a comment inside a continued instruction
			}
			if (stripped.endsWith("\\")) {
				logical.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			logical.append(stripped);
			Instruction instruction = Instruction.parse(logical.toString());
			logical.setLength(0);
			if (instruction.keyword().equals("FROM")) {
				Matcher from = FROM.matcher(instruction.arguments());
				if (!from.matches()) {
					throw new IllegalArgumentException(file + ": cannot read FROM " + instruction.arguments());
				}
				stages.add(new Stage(from.group(1), Optional.ofNullable(from.group(2)), new ArrayList<>()));
			}
			else {
				if (stages.isEmpty()) {
					throw new IllegalArgumentException(file + ": " + instruction.keyword() + " before FROM");
				}
				stages.getLast().instructions().add(instruction);
			}
		}
		return new Dockerfile(file, stages.stream().map(Stage::frozen).toList());
	}

	/**
	 * Return the stage the image is made of: the last.
	 * @return the final stage
	 */
	Stage finalStage() {
		return this.stages.getLast();
	}

	/**
	 * Return a stage by its name.
	 * @param name the name given with {@code AS}
	 * @return the stage
	 */
	Stage stage(String name) {
		return this.stages.stream()
			.filter((stage) -> stage.name().filter(name::equals).isPresent())
			.findFirst()
			.orElseThrow(() -> new AssertionError(this.file + " has no stage " + name));
	}

	/**
	 * One stage.
	 *
	 * @param image the image it starts from
	 * @param name its name, if it has one
	 * @param instructions what follows its {@code FROM}
	 */
	record Stage(String image, Optional<String> name, List<Instruction> instructions) {

		Stage frozen() {
			return new Stage(this.image, this.name, List.copyOf(this.instructions));
		}

		List<Instruction> all(String keyword) {
			return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
		}

		/**
		 * Return the working directory in effect before the given instruction.
		 * @param instruction an instruction of this stage
		 * @return the last {@code WORKDIR} before it, {@code /} if none
		 */
		String workdirBefore(Instruction instruction) {
			String workdir = "/";
			for (Instruction each : this.instructions) {
				if (each == instruction) {
					break;
				}
				if (each.keyword().equals("WORKDIR")) {
					workdir = each.arguments().startsWith("/") ? each.arguments()
							: workdir.replaceFirst("/?$", "/") + each.arguments();
				}
			}
			return workdir;
		}

	}

	/**
	 * One instruction.
	 *
	 * @param keyword e.g. {@code COPY}, upper case
	 * @param flags its leading {@code --name=value} flags
	 * @param arguments the rest of the line
	 */
	record Instruction(String keyword, List<String> flags, String arguments) {

		static Instruction parse(String line) {
			String[] parts = line.split("\\s+", 2);
			String keyword = parts[0].toUpperCase(Locale.ROOT);
			String rest = (parts.length > 1) ? parts[1].strip() : "";
			List<String> flags = new ArrayList<>();
			if (keyword.equals("COPY") || keyword.equals("ADD") || keyword.equals("RUN")) {
				while (rest.startsWith("--")) {
					String[] flag = rest.split("\\s+", 2);
					flags.add(flag[0]);
					rest = (flag.length > 1) ? flag[1].strip() : "";
				}
			}
			return new Instruction(keyword, List.copyOf(flags), rest);
		}

		/**
		 * Return the value of a flag.
		 * @param name e.g. {@code from}
		 * @return its value, if the flag is given
		 */
		Optional<String> flag(String name) {
			return this.flags.stream()
				.filter((flag) -> flag.startsWith("--" + name + "="))
				.map((flag) -> flag.substring(name.length() + 3))
				.findFirst();
		}

		/**
		 * Return the sources and destination of a {@code COPY} in shell form.
		 * @return the words, the destination last
		 */
		List<String> words() {
			return Arrays.asList(this.arguments.split("\\s+"));
		}

	}

}
