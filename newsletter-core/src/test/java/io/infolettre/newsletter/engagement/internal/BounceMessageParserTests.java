package io.infolettre.newsletter.engagement.internal;

import java.nio.charset.StandardCharsets;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.fixtures.TestBounces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BounceMessageParserTests {

	private static final String MESSAGE_ID = "6761a0c2e4b0a1b2c3d4e5f600000002@infolettre.exemple.ca";

	@Test
	void postfixUserUnknownIsAHardBounceOfTheReturnedMessage() {
		var report = BounceMessageParser.parse(postfixDsn(), "message/rfc822").orElseThrow();

		assertThat(report.messageId()).isEqualTo("<" + MESSAGE_ID + ">");
		assertThat(report.type()).isEqualTo(BounceReport.Type.HARD);
		assertThat(report.diagnostic())
			.isEqualTo("550 5.1.1 <jerome.cote@membres.exemple.ca>: Recipient address rejected: User unknown");
	}

	@Test
	void theWholeMessagePostedWithItsMultipartTypeReadsTheSame() {
		String contentType = "multipart/report; report-type=delivery-status; "
				+ "boundary=\"4XyZ2b1Qk9z9sWb.1765810934/mail.exemple.ca\"";

		var report = BounceMessageParser.parse(postfixDsn(), contentType).orElseThrow();

		assertThat(report.messageId()).isEqualTo("<" + MESSAGE_ID + ">");
		assertThat(report.type()).isEqualTo(BounceReport.Type.HARD);
	}

	@Test
	void aMultipartBodyWithoutItsHeadersTakesTheBoundaryFromTheContentType() {
		String dsn = new String(postfixDsn(), StandardCharsets.UTF_8);
		String bodyOnly = dsn.substring(dsn.indexOf("\r\n\r\n") + 4);
		String contentType = "multipart/report; report-type=delivery-status; "
				+ "boundary=\"4XyZ2b1Qk9z9sWb.1765810934/mail.exemple.ca\"";

		var report = BounceMessageParser.parse(bodyOnly.getBytes(StandardCharsets.UTF_8), contentType).orElseThrow();

		assertThat(report.messageId()).isEqualTo("<" + MESSAGE_ID + ">");
		assertThat(report.type()).isEqualTo(BounceReport.Type.HARD);
	}

	@Test
	void aMailboxFullAfterRetriesIsASoftBounce() {
		String dsn = new String(postfixDsn(), StandardCharsets.UTF_8).replace("Status: 5.1.1", "Status: 4.2.2")
			.replace("smtp; 550 5.1.1 <jerome.cote@membres.exemple.ca>: Recipient\r\n    address rejected: User unknown",
					"smtp; 452 4.2.2 Boîte pleine / Mailbox full");

		var report = BounceMessageParser.parse(dsn.getBytes(StandardCharsets.UTF_8), "message/rfc822").orElseThrow();

		assertThat(report.type()).isEqualTo(BounceReport.Type.SOFT);
		assertThat(report.diagnostic()).isEqualTo("452 4.2.2 Boîte pleine / Mailbox full");
	}

	@Test
	void aDelayWarningIsNotABounce() {
		String dsn = new String(postfixDsn(), StandardCharsets.UTF_8).replace("Action: failed", "Action: delayed")
			.replace("Status: 5.1.1", "Status: 4.4.1");

		assertThat(BounceMessageParser.parse(dsn.getBytes(StandardCharsets.UTF_8), "message/rfc822")).isEmpty();
	}

	@Test
	void anOrdinaryReplyIsNotABounce() {
		String reply = """
				From: Jérôme <jerome.cote@membres.exemple.ca>
				To: infolettre@exemple.ca
				Subject: Absent du bureau
				Content-Type: text/plain; charset=utf-8
				In-Reply-To: <%s>

				Je suis absent jusqu'au 5 janvier.
				""".formatted(MESSAGE_ID).replace("\n", "\r\n");

		assertThat(BounceMessageParser.parse(reply.getBytes(StandardCharsets.UTF_8), "message/rfc822")).isEmpty();
		assertThat(BounceMessageParser.parse("pas un message".getBytes(StandardCharsets.UTF_8), "message/rfc822"))
			.isEmpty();
	}

	@Test
	void aFeedbackLoopAbuseReportIsAComplaint() {
		String arf = """
				From: feedback@fai.exemple.net
				To: rebonds@exemple.ca
				Subject: Abuse report
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary="arf"

				--arf
				Content-Type: text/plain; charset=us-ascii

				This is an email abuse report for an email message received from IP 192.0.2.10.

				--arf
				Content-Type: message/feedback-report

				Feedback-Type: abuse
				User-Agent: ExempleFBL/1.0
				Version: 1

				--arf
				Content-Type: text/rfc822-headers

				From: Infolettre des membres <infolettre@exemple.ca>
				Message-ID: <%s>
				Subject: Infolettre

				--arf--
				""".formatted(MESSAGE_ID).replace("\n", "\r\n");

		var report = BounceMessageParser.parse(arf.getBytes(StandardCharsets.UTF_8), "message/rfc822").orElseThrow();

		assertThat(report.type()).isEqualTo(BounceReport.Type.COMPLAINT);
		assertThat(report.messageId()).isEqualTo("<" + MESSAGE_ID + ">");
	}

	private static byte[] postfixDsn() {
		return TestBounces.postfixUserUnknown(MESSAGE_ID);
	}

}
