package dev.iomodels.comparison;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Shows the progress as it happens and keeps it for the assertions.
 */
final class TeeStream extends OutputStream {

	private final OutputStream first;

	private final OutputStream second;

	TeeStream(OutputStream first, OutputStream second) {
		this.first = first;
		this.second = second;
	}

	@Override
	public void write(int b) throws IOException {
		this.first.write(b);
		this.second.write(b);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.first.write(bytes, offset, length);
		this.second.write(bytes, offset, length);
	}

}
