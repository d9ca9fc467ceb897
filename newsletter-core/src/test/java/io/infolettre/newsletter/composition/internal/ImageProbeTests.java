package io.infolettre.newsletter.composition.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The preflight's HEAD requests, against a real HTTP server on loopback. */
class ImageProbeTests {

	private HttpServer server;

	private String base;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/photo.png", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.getResponseHeaders().add("Content-Length", "12345");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.createContext("/page.html", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.createContext("/moved.png", exchange -> {
			exchange.getResponseHeaders().add("Location", "/photo.png");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		this.server.createContext("/to-a-file.png", exchange -> {
			exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/loop.png", exchange -> {
			exchange.getResponseHeaders().add("Location", "/loop.png");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void anImageThatAnswersAsAnImageLoadsWithItsSize() {
		var answers = new ImageProbe(true).probe(List.of(this.base + "/photo.png", this.base + "/moved.png"));
		assertThat(answers.get(this.base + "/photo.png").loads()).isTrue();
		assertThat(answers.get(this.base + "/photo.png").bytes()).isEqualTo(12345);
		assertThat(answers.get(this.base + "/moved.png").loads()).isTrue();
	}

	@Test
	void whatIsMissingIsNoImageOrGoesElsewhereDoesNotLoad() {
		var answers = new ImageProbe(true).probe(List.of(this.base + "/absente.png", this.base + "/page.html",
				this.base + "/to-a-file.png", this.base + "/loop.png", "https://introuvable.invalid/x.png",
				"ftp://exemple.ca/x.png"));
		assertThat(answers.get(this.base + "/absente.png").reason()).isEqualTo("le serveur répond 404");
		assertThat(answers.get(this.base + "/page.html").reason()).startsWith("ce n'est pas une image (text/html");
		assertThat(answers.get(this.base + "/to-a-file.png").reason()).isEqualTo("adresse qui n'est pas en http ou https");
		assertThat(answers.get(this.base + "/loop.png").reason()).startsWith("trop de redirections");
		assertThat(answers.get("https://introuvable.invalid/x.png").reason()).startsWith("nom de serveur inconnu");
		assertThat(answers.get("ftp://exemple.ca/x.png").loads()).isFalse();
	}

	@Test
	void addressesOfThisMachineOrAPrivateNetworkAreNotAsked() {
		var answers = new ImageProbe().probe(List.of(this.base + "/photo.png", "http://10.1.2.3/x.png",
				"http://[::1]:1/x.png", "http://169.254.169.254/latest/meta-data"));
		assertThat(answers.values()).allSatisfy(answer -> {
			assertThat(answer.loads()).isFalse();
			assertThat(answer.reason()).startsWith("adresse privée");
		});
	}

	@Test
	void atMostTenAreAsked() {
		var urls = new java.util.ArrayList<String>();
		for (int i = 0; i < 12; i++) {
			urls.add(this.base + "/photo.png?" + i);
		}
		assertThat(new ImageProbe(true).probe(urls)).hasSize(ImageProbe.MAX_IMAGES);
	}

}
