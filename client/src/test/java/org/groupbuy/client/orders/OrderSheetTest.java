package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderSheetTest {
    private static final ItemCatalog GB7 = catalog();
    private static final String HEADER = "household,name,phone,address,VEG-BOX,MILK-12\n";

    private static ItemCatalog catalog() {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("VEG-BOX", 2);
        items.put("MILK-12", 1);
        return new ItemCatalog(Optional.of(items));
    }

    @Nested
    class AGoodSheet {
        @Test
        void becomesOneOrderPerHouseholdWithoutZeroLines() {
            SheetCheck check = OrderSheet.check(HEADER
                    + "H-001,Wang Li,13800000001,\"Bldg 3, 402\",2,\n"
                    + "H-002,Zhao Min,+86 138 0000 0002,Bldg 4-101,0,1\n", GB7);

            assertThat(check.problems()).isEmpty();
            assertThat(check.orders()).containsExactly(
                    new HouseholdOrder("H-001", "Wang Li", "13800000001", "Bldg 3, 402", Map.of("VEG-BOX", 2), false),
                    new HouseholdOrder("H-002", "Zhao Min", "+86 138 0000 0002", "Bldg 4-101", Map.of("MILK-12", 1), false));
        }

        @Test
        void readsTheOfflineColumnAsAFlagNotAnItem() {
            SheetCheck check = OrderSheet.check("household,name,phone,address,offline,VEG-BOX\n"
                    + "H-001,Grandma Wu,021-5555-0101,Bldg 1-101,yes,1\n", GB7);

            assertThat(check.problems()).isEmpty();
            assertThat(check.orders().get(0).offline()).isTrue();
            assertThat(check.orders().get(0).quantities()).containsExactly(Map.entry("VEG-BOX", 1));
        }

        @Test
        void acceptsAnySkuWhenTheGroupBuyCouldNotBeRead() {
            SheetCheck check = OrderSheet.check("household,name,phone,address,EGGS-30\nH-001,A,13800000001,B1,3\n",
                    ItemCatalog.UNKNOWN);

            assertThat(check.ok()).isTrue();
        }
    }

    @Nested
    class ABadSheet {
        @Test
        void reportsEveryBadRowWithItsLineNumberAndNoOrders() {
            SheetCheck check = OrderSheet.check(HEADER
                    + "H-001,Wang Li,13800000001,Bldg 3-402,1,\n"      // line 2 fine
                    + ",No Ref,13800000002,Bldg 3-403,1,\n"            // line 3 missing household
                    + "H-001,Again,13800000003,Bldg 3-404,1,\n"        // line 4 duplicate
                    + "H-004,Qty,13800000004,Bldg 3-405,two,\n"        // line 5 not an integer
                    + "\n"                                              // line 6 blank, skipped
                    + "H-006,Neg,13800000006,Bldg 3-406,-1,\n"         // line 7 negative
                    + "H-007,Empty,13800000007,Bldg 3-407,0,\n"        // line 8 orders nothing
                    + "H-008,Phone,call me,Bldg 3-408,1,\n"            // line 9 bad phone
                    + "H-009,Much,13800000009,Bldg 3-409,3,\n", GB7);  // line 10 above maximum

            assertThat(check.orders()).isEmpty();
            assertThat(check.problems()).containsExactly(
                    "line 3: household is missing",
                    "line 4: household H-001 appears again (first on line 2)",
                    "line 5: quantity of VEG-BOX is 'two', not a whole number >= 0",
                    "line 7: quantity of VEG-BOX is '-1', not a whole number >= 0",
                    "line 8: household H-007 orders nothing",
                    "line 9: phone 'call me' is not a phone number (7 to 15 digits)",
                    "line 10: quantity of VEG-BOX is 3, above the maximum of 2 per household");
        }

        @Test
        void namesAnUnknownSkuColumnOnTheHeaderLine() {
            SheetCheck check = OrderSheet.check("household,name,phone,address,VEG-BOX,FISH-1\n"
                    + "H-001,A,13800000001,B1,1,\n", GB7);

            assertThat(check.problems()).containsExactly(
                    "line 1: column FISH-1 is not an item of this group buy (items: VEG-BOX, MILK-12)");
        }

        @Test
        void countsLinesInsideQuotedCellsSoLaterLineNumbersStayTrue() {
            SheetCheck check = OrderSheet.check(HEADER
                    + "H-001,A,13800000001,\"Bldg 3\n402\",1,\n"
                    + "H-002,B,x,B2,1,\n", GB7);

            assertThat(check.problems()).containsExactly("line 4: phone 'x' is not a phone number (7 to 15 digits)");
        }

        @Test
        void refusesAHeaderThatDoesNotStartWithTheFixedColumns() {
            SheetCheck check = OrderSheet.check("name,household,phone,address,VEG-BOX\nA,H-1,13800000001,B,1\n", GB7);

            assertThat(check.problems()).containsExactly(
                    "line 1: header must start with household,name,phone,address, got name,household,phone,address,VEG-BOX");
        }

        @Test
        void refusesAHeaderWithoutItems() {
            SheetCheck check = OrderSheet.check("household,name,phone,address\n", GB7);

            assertThat(check.problems()).containsExactly("line 1: no item columns: add one column per sku after address");
        }

        @Test
        void refusesARowWithMoreCellsThanTheHeader() {
            SheetCheck check = OrderSheet.check(HEADER + "H-001,A,13800000001,B,1,0,9\n", GB7);

            assertThat(check.problems()).containsExactly("line 2: has 7 cells but the header has 6");
        }
    }

    @Nested
    class OneOrderRules {
        @Test
        void refuseAHouseholdReferenceThatCouldCarryAnAddress() {
            assertThat(new OrderRules(GB7).problems("Bldg 3 / 402", "13800000001", Map.of("VEG-BOX", "1")))
                    .containsExactly("household 'Bldg 3 / 402' is not a reference like H-001 (letters, digits, . _ -)");
        }
    }
}
