package io.infolettre.newsletter.support;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

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

	/** How many messages each recipient whose address starts with {@code prefix} received. */
	public static Map<String, Long> receivedPerRecipient(String prefix) {
		return Arrays.stream(SERVER.getReceivedMessages())
			.map(TestMailServer::recipient)
			.filter(to -> to.startsWith(prefix))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	/** The address a captured message was sent to. */
	public static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
