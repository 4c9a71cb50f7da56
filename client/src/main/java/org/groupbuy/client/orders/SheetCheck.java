package org.groupbuy.client.orders;

import java.util.List;

/** The result of checking a sheet: the orders, or every problem found with its line number. */
public record SheetCheck(List<HouseholdOrder> orders, List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
