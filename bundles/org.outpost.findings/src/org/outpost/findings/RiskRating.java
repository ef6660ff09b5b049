package org.outpost.findings;

/**
 * A rating on the 5 x 5 risk matrix: likelihood times consequence (1..25), with its band.
 */
public record RiskRating(int likelihood, int consequence) {

	public RiskRating {
		check("Likelihood", likelihood);
		check("Consequence", consequence);
	}

	private static void check(String what, int value) {
		if (value < 1 || value > 5) {
			throw new IllegalArgumentException(what + " is rated 1 (lowest) to 5 (highest), not " + value);
		}
	}

	public int score() {
		return likelihood * consequence;
	}

	/** The matrix band: Low (1-4), Medium (5-9), High (10-16), Extreme (17-25). */
	public String band() {
		int score = score();
		return score <= 4 ? "Low" : score <= 9 ? "Medium" : score <= 16 ? "High" : "Extreme";
	}

	@Override
	public String toString() {
		return band() + " (" + score() + ")";
	}
}
