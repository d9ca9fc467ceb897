package io.infolettre.newsletter.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The visible rules that classify an open, in order (the first that matches decides):
 * <ol>
 * <li>a known security scanner or an HTTP library in the user agent, or an open sooner than
 * {@code scannerWindow} after the relay accepted the message: {@link OpenClass#SCANNER};</li>
 * <li>an address of Apple's network (17.0.0.0/8), or the bare user agent {@code Mozilla/5.0} that
 * Apple's proxies send: {@link OpenClass#APPLE_PRIVACY};</li>
 * <li>Gmail's or Yahoo's image proxy in the user agent: {@link OpenClass#IMAGE_PROXY};</li>
 * <li>anything else: {@link OpenClass#HUMAN}.</li>
 * </ol>
 * The rules are shown to the coordinator next to the figures they produce.
 */
public final class OpenClassifier {

	static final List<String> SCANNERS = List.of("barracuda", "mimecast", "proofpoint", "symantec", "trend micro",
			"trendmicro", "forcepoint", "sophos", "fortinet", "cisco", "ironport", "safelinks", "microsoft office protection",
			"python-requests", "python-urllib", "curl/", "wget/", "go-http-client", "java/", "java-http-client", "okhttp",
			"headlesschrome",
			"bot", "spider", "crawler", "scanner");

	static final List<String> IMAGE_PROXIES = List.of("googleimageproxy", "ggpht.com", "yahoomailproxy",
			"yahoo mail proxy");

	private final Duration scannerWindow;

	/** @param scannerWindow an open this soon after the relay accepted the message is a scanner's */
	public OpenClassifier(Duration scannerWindow) {
		this.scannerWindow = scannerWindow;
	}

	/**
	 * @param userAgent the request's User-Agent (may be null)
	 * @param address the client's IP address as text (may be null)
	 * @param sentAt when the relay accepted the message (null when unknown)
	 * @param openedAt when the open was requested
	 */
	public OpenClass classify(String userAgent, String address, Instant sentAt, Instant openedAt) {
		return classify(byRequest(userAgent, address), sentAt, openedAt);
	}

	/**
	 * What the request alone says (rules 1 to 4 without the time since delivery): cheap enough for
	 * the request's thread, so that only this class, not the whole user agent, waits to be written.
	 */
	public static OpenClass byRequest(String userAgent, String address) {
		String agent = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
		if (agent.isEmpty() || SCANNERS.stream().anyMatch(agent::contains)) {
			return OpenClass.SCANNER;
		}
		if ((address != null && address.startsWith("17.")) || agent.equals("mozilla/5.0")) {
			return OpenClass.APPLE_PRIVACY;
		}
		if (IMAGE_PROXIES.stream().anyMatch(agent::contains)) {
			return OpenClass.IMAGE_PROXY;
		}
		return OpenClass.HUMAN;
	}

	/** The request's class, unless the open came too soon after delivery: then a scanner's (rule 1). */
	public OpenClass classify(OpenClass byRequest, Instant sentAt, Instant openedAt) {
		if (sentAt != null && openedAt.isBefore(sentAt.plus(this.scannerWindow))) {
			return OpenClass.SCANNER;
		}
		return byRequest;
	}

	/** The user agent's family, kept instead of the whole string. */
	public static String family(String userAgent) {
		String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
		if (agent.contains("googleimageproxy") || agent.contains("ggpht.com")) {
			return "Gmail";
		}
		if (agent.contains("yahoo")) {
			return "Yahoo Mail";
		}
		if (agent.contains("outlook") || agent.contains("ms-office") || agent.contains("microsoft office")) {
			return "Outlook";
		}
		if (agent.contains("thunderbird")) {
			return "Thunderbird";
		}
		if (agent.equals("mozilla/5.0")) {
			return "Apple Mail (proxy)";
		}
		if (agent.contains("applewebkit") && !agent.contains("chrome") && !agent.contains("safari")) {
			return "Apple Mail";
		}
		if (agent.contains("edg/")) {
			return "Edge";
		}
		if (agent.contains("chrome")) {
			return "Chrome";
		}
		if (agent.contains("firefox")) {
			return "Firefox";
		}
		if (agent.contains("safari")) {
			return "Safari";
		}
		return agent.isEmpty() ? "inconnu" : "autre";
	}

}
