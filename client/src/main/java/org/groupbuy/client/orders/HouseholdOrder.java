package org.groupbuy.client.orders;

import java.util.Map;

/** One household's order as the leader's sheet gives it; name, phone and address stay private. */
public record HouseholdOrder(String household, String name, String phone, String address,
                             Map<String, Integer> quantities, boolean offline) {
}
