package io.infolettre.newsletter.report;

import java.util.Arrays;
import java.util.Optional;

/** The subscriber attributes an issue's figures can be broken down by, with their query names. */
public enum Breakdown {

	SECTOR("secteur"), TERRITORY("territoire"), LANGUAGE("langue"), COMPANY("entreprise");

	private final String param;

	Breakdown(String param) {
		this.param = param;
	}

	public String param() {
		return this.param;
	}

	/** By its French query name ({@code secteur}) or its constant ({@code SECTOR}), in any case. */
	public static Optional<Breakdown> of(String name) {
		return Arrays.stream(values())
			.filter(b -> b.param.equalsIgnoreCase(name) || b.name().equalsIgnoreCase(name))
			.findFirst();
	}

}
