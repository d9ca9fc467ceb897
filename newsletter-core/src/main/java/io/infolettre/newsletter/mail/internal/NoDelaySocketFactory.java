package io.infolettre.newsletter.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * SMTP is a chatty request/response protocol: with Nagle's algorithm on, every short command can
 * wait for the peer's delayed ACK (tens of milliseconds per message). Jakarta Mail has no switch
 * for TCP_NODELAY, so its sockets come from here.
 */
final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		return configure(new Socket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return configure(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return configure(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return configure(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return configure(new Socket(address, port, localAddress, localPort));
	}

	private static Socket configure(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
