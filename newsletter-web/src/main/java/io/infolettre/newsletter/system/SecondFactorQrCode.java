package io.infolettre.newsletter.system;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG drawing made here, so that the second factor's key never leaves the
 * application for an outside image service.
 */
public final class SecondFactorQrCode {

	private static final int BORDER = 4;

	private SecondFactorQrCode() {
	}

	/** @return an {@code <svg>} element, one square path per dark module, on a white quiet zone */
	public static String svg(String text, String label) {
		QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int side = code.size + 2 * BORDER;
		var path = new StringBuilder();
		for (int y = 0; y < code.size; y++) {
			for (int x = 0; x < code.size; x++) {
				if (code.getModule(x, y)) {
					path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + escape(label)
				+ "\" viewBox=\"0 0 " + side + " " + side + "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
