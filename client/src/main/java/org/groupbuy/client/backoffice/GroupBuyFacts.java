package org.groupbuy.client.backoffice;

import java.util.List;
import java.util.Map;

/**
 * What the back office needs of a group buy record: its items, the supplier's minimum and, once
 * SETTLED, the figures Settle checked (empty before).
 */
public record GroupBuyFacts(String id, String status, List<Item> items, long minimumQuantity,
                            long minimumAmountCents, Map<String, Long> settlement) {

    /** One item as opened: sku, name, unit price. */
    public record Item(String sku, String name, long unitPriceCents) {
    }

    public GroupBuyFacts {
        items = List.copyOf(items);
        settlement = Map.copyOf(settlement);
    }

    /** An order's lines in the order of the group buy's items (unknown skus last), as the lists print them. */
    public List<Map.Entry<String, Long>> inItemOrder(Map<String, Long> lines) {
        List<String> skus = items.stream().map(Item::sku).toList();
        return lines.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Long> e) -> skus.indexOf(e.getKey()) < 0
                        ? Integer.MAX_VALUE : skus.indexOf(e.getKey())).thenComparing(Map.Entry::getKey))
                .toList();
    }

    /** The item's name, or the sku itself for an sku the group buy does not list. */
    public String nameOf(String sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).map(Item::name).findFirst().orElse(sku);
    }
}
