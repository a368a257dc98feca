package dev.iomodels.comparison.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Passes console output through to a file and notes when a given line first appears. The
 * load generator announces the start of its load on the console, after it has prepared
 * its data; the moment that line is printed is the start of the window the step is
 * measured in.
 */
public final class ConsoleWatch extends OutputStream {

	private final OutputStream target;

	private final String marker;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private volatile long seenAt;

	private volatile boolean seen;

	/**
	 * Watch for a line.
	 * @param target where the output goes
	 * @param marker text the awaited line contains
	 */
	public ConsoleWatch(OutputStream target, String marker) {
		this.target = target;
		this.marker = marker;
	}

	/**
	 * Return when the marker line was printed.
	 * @return its {@link System#nanoTime()}, if it was
	 */
	public OptionalLong seenAt() {
		return this.seen ? OptionalLong.of(this.seenAt) : OptionalLong.empty();
	}

	@Override
	public synchronized void write(int b) throws IOException {
		this.target.write(b);
		if (b == '\n') {
			if (!this.seen && this.line.toString(StandardCharsets.UTF_8).contains(this.marker)) {
				this.seenAt = System.nanoTime();
				this.seen = true;
			}
			this.line.reset();
		}
		else {
			this.line.write(b);
		}
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(bytes[i]);
		}
	}

	@Override
	public void flush() throws IOException {
		this.target.flush();
	}

	@Override
	public void close() throws IOException {
		this.target.close();
	}

}
