package io.infolettre.newsletter.report;

/**
 * The clicks on one of an issue's links.
 *
 * @param total every click, machines' included
 * @param human clicks by persons
 * @param unique recipients who followed it as persons
 */
public record LinkClicks(String url, long total, long human, long unique) {
}
