package org.groupbuy.client.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.client.backoffice.Facts.order;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ListsTest {
    private static final List<OrderFacts> ORDERS = List.of(order("H-001", "CONFIRMED", 2, 0),
            order("H-002", "DELIVERED", 1, 1), order("H-003", "CANCELLED", 0, 1), order("H-004", "JOINED", 1, 0),
            order("H-005", "CONFIRMED", 0, 1));

    @Nested
    class PickingListOf {
        @Test
        void totalsEachSkuOverTheOrdersToHandOut() {
            assertThat(PickingList.of(Facts.groupBuy("ACCEPTED", Map.of()), ORDERS).rows()).containsExactly(
                    List.of("VEG-BOX", "Vegetable box 5kg", 4L, 3L),
                    List.of("MILK-12", "Milk 12x250ml", 2L, 2L));
        }
    }

    @Nested
    class SortingListOf {
        @Test
        void ordersByBuildingThenDoorAsNumbersAndListsHouseholdsWithoutDetailsLast() {
            Map<String, String> addresses = Map.of("H-001", "Building 10 Room 101", "H-002", "Building 2 Room 1201",
                    "H-004", "Building 2 Room 301");

            assertThat(SortingList.of(Facts.groupBuy("DISINFECTED", Map.of()), ORDERS, addresses).rows())
                    .containsExactly(
                            List.of("Building 2", "301", "H-004", "VEG-BOX x1", 1L, "", "JOINED"),
                            List.of("Building 2", "1201", "H-002", "VEG-BOX x1; MILK-12 x1", 2L, "", "DELIVERED"),
                            List.of("Building 10", "101", "H-001", "VEG-BOX x2", 2L, "", "CONFIRMED"),
                            List.of("(no details stored)", "", "H-005", "MILK-12 x1", 1L, "", "CONFIRMED"));
        }
    }

    @Nested
    class DoorAddressOf {
        @Test
        void splitsTheLastNumberOffAsTheDoor() {
            assertThat(List.of("Building 3 Room 402", "3号楼-402", "Bldg 3-402室", "7-1203", "North gate"))
                    .extracting(DoorAddress::of)
                    .containsExactly(new DoorAddress("Building 3", "402"), new DoorAddress("3号楼", "402"),
                            new DoorAddress("Bldg 3", "402"), new DoorAddress("7", "1203"),
                            new DoorAddress("North", "gate"));
        }
    }

    @Nested
    class GroupBuyStatsOf {
        @Test
        void countsOrdersUnitsDeliveriesAndDisputes() {
            GroupBuyStats stats = GroupBuyStats.of(Facts.groupBuy("DISINFECTED", Map.of()), ORDERS, List.of(
                    Facts.event("DisputeOpened", "D-1", "DISPUTED"), Facts.event("DisputeOpened", "D-2", "DISPUTED"),
                    Facts.event("DisputeRuled", "D-1", "UPHELD")));

            assertThat(stats.render()).isEqualTo("""
                    GB-7  DISINFECTED
                    orders      5 household(s), CANCELLED 1, CONFIRMED 2, DELIVERED 1, JOINED 1
                      VEG-BOX        4 units
                      MILK-12        2 units
                    units       6 of the supplier's minimum 4, amount 26000 cents of minimum 0: minimum met
                    delivered   1, still to hand over 3
                    disputes    2 opened, 1 upheld, 0 rejected, 1 open
                    """);
        }
    }
}
