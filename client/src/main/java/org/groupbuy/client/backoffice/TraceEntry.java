package org.groupbuy.client.backoffice;

import java.util.Map;

/** One record of a group buy's trace: event type, subject id and status, household, details. */
public record TraceEntry(String type, String id, String status, String household, Map<String, String> details) {

    public TraceEntry {
        details = Map.copyOf(details);
    }

    /** The {@code amountCents} detail of a money event, 0 when there is none. */
    public long amountCents() {
        String amount = details.get("amountCents");
        return amount == null ? 0 : Long.parseLong(amount);
    }
}
