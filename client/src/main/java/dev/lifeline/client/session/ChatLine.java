package dev.lifeline.client.session;

import java.time.Instant;

/** One chat line; {@code mine} says whether this end wrote it. */
public record ChatLine(String text, Instant sentAt, boolean mine) {
}
