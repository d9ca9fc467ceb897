package io.infolettre.newsletter.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a free loopback port, started before
 * any Spring context so the application sends to it as to a real relay.
 */
public final class TestMailServer {

	private static final GreenMail SERVER = start();

	private TestMailServer() {
	}

	private static GreenMail start() {
		var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	public static GreenMail get() {
		return SERVER;
	}

	public static int port() {
		return SERVER.getSmtp().getPort();
	}

}
