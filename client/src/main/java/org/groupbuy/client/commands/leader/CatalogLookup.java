package org.groupbuy.client.commands.leader;

import java.io.PrintWriter;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.orders.ItemCatalog;

/** Reads a group buy's items for checking orders; without them, sku columns are not checked. */
final class CatalogLookup {
    private CatalogLookup() {
    }

    static ItemCatalog read(Chaincode chaincode, String groupBuyId, PrintWriter err) {
        try {
            return ItemCatalog.fromGroupBuy(chaincode.evaluate(Invocation.of(Transaction.GET_GROUP_BUY, groupBuyId)).payload());
        } catch (RuntimeException e) {
            err.println("warning: could not read group buy " + groupBuyId + " (" + e.getMessage()
                    + "); skus are not checked against its items");
            return ItemCatalog.UNKNOWN;
        }
    }
}
