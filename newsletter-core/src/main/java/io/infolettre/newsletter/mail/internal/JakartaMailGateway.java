package io.infolettre.newsletter.mail.internal;

import java.time.Instant;
import java.util.Properties;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SmtpRelay;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Jakarta Mail (Angus) over SMTP. Each connection keeps one {@link Transport} open and reconnects
 * once when the relay drops it. Per-message replies decide the outcome: 5xx permanent, 4xx
 * temporary; a connection that cannot be re-established is a {@link RelayUnavailableException}.
 */
class JakartaMailGateway implements MailGateway {

	private final SmtpRelay relay;

	private final Session session;

	// Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the class path on every
	// encode or parse (several times per message); naming it up front skips the scan. Profiled: 14% of CPU.
	static {
		if (System.getProperty(StreamProvider.class.getName()) == null) {
			System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	JakartaMailGateway(SmtpRelay relay, DeliverySettings settings) {
		this.relay = relay;
		var props = new Properties();
		props.put("mail.transport.protocol", "smtp");
		props.put("mail.smtp.host", relay.host());
		props.put("mail.smtp.port", String.valueOf(relay.port()));
		props.put("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
		props.put("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
		props.put("mail.smtp.auth", String.valueOf(relay.username() != null));
		props.put("mail.smtp.starttls.enable", String.valueOf(relay.startTls()));
		props.put("mail.smtp.starttls.required", String.valueOf(relay.startTls()));
		// Report every refused recipient instead of aborting the message on the first one.
		props.put("mail.smtp.reportsuccess", "false");
		props.put("mail.mime.charset", "UTF-8");
		// Measured against Postfix's smtp-sink: 33 msg/s with Nagle's algorithm, 149 msg/s without.
		props.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
		props.put("mail.smtp.socketFactory.fallback", "false");
		relay.properties().forEach(props::put);
		this.session = Session.getInstance(props);
	}

	@Override
	public MailConnection connect() {
		return new Connection();
	}

	private final class Connection implements MailConnection {

		private Transport transport;

		Connection() {
			open(false);
		}

		/** @param messageMayHaveArrived whether a message sent on the connection just lost may have arrived */
		private void open(boolean messageMayHaveArrived) {
			try {
				Transport t = JakartaMailGateway.this.session.getTransport("smtp");
				t.connect(JakartaMailGateway.this.relay.host(), JakartaMailGateway.this.relay.port(),
						JakartaMailGateway.this.relay.username(), JakartaMailGateway.this.relay.password());
				this.transport = t;
			}
			catch (MessagingException ex) {
				throw new RelayUnavailableException(JakartaMailGateway.this.relay.host() + ":"
						+ JakartaMailGateway.this.relay.port() + " — " + rootMessage(ex), ex, messageMayHaveArrived);
			}
		}

		@Override
		public SendResult send(OutgoingMessage message) {
			PreEncodedMimeMessage mime = toMime(message);
			try {
				return deliver(mime, message);
			}
			catch (ConnectionLost lost) {
				// The relay dropped the connection (idle timeout, restart): one fresh try.
				closeQuietly();
				open(lost.replyLost);
				try {
					SendResult result = deliver(mime, message);
					return lost.replyLost ? result.afterLostReply() : result;
				}
				catch (ConnectionLost again) {
					closeQuietly();
					throw new RelayUnavailableException(rootMessage(again.getCause()), again.getCause(),
							lost.replyLost || again.replyLost);
				}
			}
		}

		private SendResult deliver(PreEncodedMimeMessage mime, OutgoingMessage message) throws ConnectionLost {
			mime.forgetWritten();
			try {
				this.transport.sendMessage(mime, mime.getAllRecipients());
				return new SendResult.Accepted(message.messageId());
			}
			catch (SMTPAddressFailedException ex) {
				return rejected(ex.getReturnCode(), ex.getMessage(), true);
			}
			catch (SMTPSendFailedException ex) {
				if (ex.getNextException() instanceof SMTPAddressFailedException address) {
					return rejected(address.getReturnCode(), address.getMessage(), true);
				}
				// Angus reports a relay that hung up (no reply: code -1) or announced it is closing (421)
				// as a refusal, on a transport that is in fact dead
				if (ex.getReturnCode() == -1 || ex.getReturnCode() == 421) {
					// a 421 refuses the message; no reply at all after the whole message may have lost an acceptance
					throw new ConnectionLost(ex, ex.getReturnCode() == -1 && mime.wasWritten());
				}
				return rejected(ex.getReturnCode(), ex.getMessage(), false);
			}
			catch (SendFailedException ex) {
				if (ex.getNextException() instanceof SMTPAddressFailedException address) {
					return rejected(address.getReturnCode(), address.getMessage(), true);
				}
				throw new ConnectionLost(ex, mime.wasWritten());
			}
			catch (MessagingException | IllegalStateException ex) {
				// a reset while waiting for the reply to the final dot is as uncertain as silence
				throw new ConnectionLost(ex, mime.wasWritten());
			}
		}

		private SendResult rejected(int code, String reply, boolean recipient) {
			return new SendResult.Rejected(code, reply == null ? "" : reply.strip(), recipient);
		}

		@Override
		public void close() {
			closeQuietly();
		}

		private void closeQuietly() {
			if (this.transport != null) {
				try {
					this.transport.close();
				}
				catch (MessagingException ex) {
					// the connection is gone either way
				}
				this.transport = null;
			}
		}

	}

	/**
	 * @throws IllegalArgumentException when the message cannot be built
	 */
	private PreEncodedMimeMessage toMime(OutgoingMessage message) {
		return new PreEncodedMimeMessage(this.session, MimeWriter.write(message, Instant.now()));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	/** A failure that says nothing about the message itself: the connection is gone. */
	private static final class ConnectionLost extends Exception {

		private final boolean replyLost;

		ConnectionLost(Throwable cause, boolean replyLost) {
			super(cause);
			this.replyLost = replyLost;
		}

	}

}
