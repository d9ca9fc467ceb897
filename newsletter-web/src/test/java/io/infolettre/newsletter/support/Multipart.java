package io.infolettre.newsletter.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body, as a browser sends a form with files. */
public final class Multipart {

	private final String boundary = "----infolettre" + System.nanoTime();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public Multipart field(String name, String value) {
		part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
		this.body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		this.body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return this;
	}

	public Multipart file(String name, String fileName, String contentType, byte[] content) {
		part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\nContent-Type: "
				+ contentType + "\r\n\r\n");
		this.body.writeBytes(content);
		this.body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return this;
	}

	private void part(String headers) {
		this.body.writeBytes(("--" + this.boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	public byte[] body() {
		var all = new ByteArrayOutputStream();
		all.writeBytes(this.body.toByteArray());
		all.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return all.toByteArray();
	}

}
