package org.groupbuy.chaincode.domain;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** A transition table written as {@code "FROM>TO1,TO2"} lines; states without a line are terminal. */
public final class Transitions {
    private final TreeMap<String, List<String>> next = new TreeMap<>();

    private Transitions() {
    }

    public static Transitions of(final String... lines) {
        final Transitions t = new Transitions();
        for (final String line : lines) {
            final String[] parts = line.split(">", 2);
            t.next.put(parts[0], List.copyOf(Arrays.asList(parts[1].split(","))));
        }
        return t;
    }

    public List<String> from(final String state) {
        return next.getOrDefault(state, List.of());
    }
}
