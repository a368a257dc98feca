package dev.iomodels.system.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback in front of the database that can be made to hang: while it
 * hangs it still accepts connections but never answers them, and the connections already
 * open carry nothing in either direction (what arrives is held, not dropped). It is the
 * "listener that accepts and never answers" of a database behind a network that went
 * silent; {@link #resume()} lets everything flow again. One virtual thread per accepted
 * connection and direction; {@link #close()} ends them all.
 */
final class HangingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private boolean hanging;

	HangingProxy(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().name("hanging-proxy-accept").start(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	void hang() {
		synchronized (this.gate) {
			this.hanging = true;
		}
	}

	void resume() {
		synchronized (this.gate) {
			this.hanging = false;
			this.gate.notifyAll();
		}
	}

	private void awaitFlowing() throws InterruptedException {
		synchronized (this.gate) {
			while (this.hanging) {
				this.gate.wait();
			}
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				Thread.ofVirtual().start(() -> connect(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void connect(Socket client) {
		try {
			awaitFlowing();
			Socket upstream = new Socket();
			this.sockets.add(upstream);
			upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.target), 5000);
			Thread.ofVirtual().start(() -> pump(client, upstream));
			pump(upstream, client);
		}
		catch (IOException | InterruptedException ex) {
			closeQuietly(client);
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16384];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				awaitFlowing();
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// One side closed: close the other.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

	@Override
	public void close() throws IOException {
		resume();
		this.server.close();
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
	}

}
