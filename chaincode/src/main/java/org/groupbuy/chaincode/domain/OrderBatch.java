package org.groupbuy.chaincode.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The households one AddHouseholdOrders call added to a group buy, written once under {@code orderBatch~gb~id}. Its id
 * is the batch's first household in key order (unique: a household has one order per group buy). PutHouseholdDetails
 * of a whole batch checks the details against this one record instead of reading every household's order, and stores
 * them as one private value (docs/contract.md, "Details of a batch").
 */
public final class OrderBatch {
    private String groupBuyId;
    private String id;
    private List<String> households;

    /** The batch of {@code orders} (validated, non-empty); each order learns the batch it came in. */
    static OrderBatch of(final String groupBuyId, final Collection<HouseholdOrder> orders) {
        final TreeSet<String> sorted = new TreeSet<>();
        orders.forEach(o -> sorted.add(o.household()));
        final OrderBatch batch = new OrderBatch();
        batch.groupBuyId = groupBuyId;
        batch.id = sorted.first();
        batch.households = new ArrayList<>(sorted);
        orders.forEach(o -> o.addedIn(batch.id));
        return batch;
    }

    /** Every household of {@code given} is one of this batch's, or [INVALID_ARGUMENT] names the first that is not. */
    public void requireHolds(final Collection<String> given) {
        final TreeSet<String> mine = new TreeSet<>(households);
        for (final String household : new TreeSet<>(given)) {
            ErrorCode.INVALID_ARGUMENT.check(mine.contains(household), "household %s was not added in batch %s of %s; "
                    + "send its details without 'batch' or with the batch (first household) of the "
                    + "AddHouseholdOrders call that added it", household, id, groupBuyId);
        }
    }

    public String groupBuyId() {
        return groupBuyId;
    }

    public String id() {
        return id;
    }

    public List<String> households() {
        return List.copyOf(households);
    }
}
