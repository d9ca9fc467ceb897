package io.infolettre.newsletter.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP relay in front of the test SMTP server that can be switched off: while down it answers
 * every connection with "421 service not available" and hangs up, as a relay in trouble does.
 */
public final class SwitchableRelay implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private volatile boolean up = true;

	public SwitchableRelay(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "switchable-relay");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void down() {
		this.up = false;
	}

	public void up() {
		this.up = true;
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.up) {
					Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					pipe(client.getInputStream(), target.getOutputStream(), client, target);
					pipe(target.getInputStream(), client.getOutputStream(), client, target);
				}
				else {
					client.getOutputStream().write("421 4.3.2 Service not available\r\n".getBytes(StandardCharsets.US_ASCII));
					client.close();
				}
			}
			catch (IOException ex) {
				// closed, or one connection failed: keep serving the others
			}
		}
	}

	private static void pipe(InputStream in, OutputStream out, Socket a, Socket b) {
		Thread copier = new Thread(() -> {
			try (a; b) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
		}, "switchable-relay-pipe");
		copier.setDaemon(true);
		copier.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
