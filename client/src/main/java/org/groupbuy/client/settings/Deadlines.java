package org.groupbuy.client.settings;

import java.time.Duration;

/** How long each kind of Gateway call may take. */
public record Deadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
    public static final Deadlines DEFAULT =
            new Deadlines(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(60));
}
