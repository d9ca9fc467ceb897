package io.infolettre.newsletter.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param chunkSize messages rendered, sent and recorded in the ledger per chunk
 * @param connections SMTP connections a send uses in parallel, each kept open for the whole send
 * @param freezeBatchSize ledger entries written per bulk operation when recipients are frozen
 * @param connectTimeout SMTP connection timeout
 * @param readTimeout SMTP reply timeout
 */
@ConfigurationProperties("newsletter.delivery")
public record DeliverySettings(Integer chunkSize, Integer connections, Integer freezeBatchSize,
		Duration connectTimeout, Duration readTimeout) {

	public DeliverySettings {
		chunkSize = chunkSize == null ? 100 : chunkSize;
		connections = connections == null ? 3 : Math.max(1, connections);
		freezeBatchSize = freezeBatchSize == null ? 1000 : freezeBatchSize;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
	}

}
