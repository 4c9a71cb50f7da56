package org.groupbuy.client.backoffice;

import java.util.List;

/** What one printed slip shows: the household reference, its items, its pickup token (text and QR code). */
public record PickupSlip(String groupBuyId, String household, List<Line> lines, String token) {

    /** One item line: sku, item name, quantity. */
    public record Line(String sku, String name, long quantity) {
    }

    public PickupSlip {
        lines = List.copyOf(lines);
    }
}
