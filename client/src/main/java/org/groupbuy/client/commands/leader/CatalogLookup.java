package org.groupbuy.client.commands.leader;

import java.io.PrintWriter;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.orders.ItemCatalog;

/** Reads a group buy's items for checking orders; without them, sku columns are not checked. */
final class CatalogLookup {
    private CatalogLookup() {
    }

    static ItemCatalog read(GroupBuyLedger ledger, String groupBuyId, PrintWriter err) {
        try {
            return ItemCatalog.fromGroupBuy(ledger.readGroupBuy(groupBuyId).payload());
        } catch (RuntimeException e) {
            err.println("warning: could not read group buy " + groupBuyId + " (" + e.getMessage()
                    + "); skus are not checked against its items");
            return ItemCatalog.UNKNOWN;
        }
    }
}
