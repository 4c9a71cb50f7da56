package org.groupbuy.client.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.client.backoffice.Facts.money;
import static org.groupbuy.client.backoffice.Facts.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MoneyReconciliationTest {
    private static final List<OrderFacts> ORDERS = List.of(order("H-001", "DELIVERED", 2, 0),
            order("H-002", "DELIVERED", 1, 1), order("H-003", "REFUNDED", 0, 1));
    private static final List<TraceEntry> TRACE = List.of(
            Facts.event("GroupBuyOpened", "GB-7", "OPEN"),
            money("PaymentRecorded", "H-001", 7000), money("PaymentRecorded", "H-002", 9500),
            money("PaymentRecorded", "H-003", 6000), money("SupplierPaymentRecorded", "", 21000),
            money("RefundRecorded", "H-003", 6000), money("RefundRecorded", "H-002", 1200),
            money("SupplierRefundRecorded", "", 6000));

    /** What Settle stored for these entries: fee = 22500 + 6000 - 21000 - 7200 = 300, delivered 7000 + 9500. */
    private static Map<String, Long> settlement(long leaderFee) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("collectedCents", 22500L);
        figures.put("supplierPaidCents", 21000L);
        figures.put("supplierRefundedCents", 6000L);
        figures.put("refundedCents", 7200L);
        figures.put("leaderFeeCents", leaderFee);
        figures.put("deliveredGoodsCents", 16500L);
        figures.put("feePercent", 3L);
        figures.put("feeCapCents", 495L);
        return figures;
    }

    @Nested
    class ASettledGroupBuy {
        private final MoneyReconciliation money = MoneyReconciliation.of(Facts.groupBuy("SETTLED", settlement(300)),
                ORDERS, TRACE);

        @Test
        void sumsEachHouseholdsPaymentsAndRefunds() {
            assertThat(money.households().values()).containsExactly(
                    new MoneyReconciliation.HouseholdMoney("H-001", "DELIVERED", 7000, 7000, 0),
                    new MoneyReconciliation.HouseholdMoney("H-002", "DELIVERED", 9500, 9500, 1200),
                    new MoneyReconciliation.HouseholdMoney("H-003", "REFUNDED", 6000, 6000, 6000));
        }

        @Test
        void hasTotalsEqualToTheSettlementsFigures() {
            assertThat(money.figures()).containsExactly(Map.entry("collectedCents", 22500L),
                    Map.entry("refundedCents", 7200L), Map.entry("supplierPaidCents", 21000L),
                    Map.entry("supplierRefundedCents", 6000L), Map.entry("leaderFeeCents", 300L),
                    Map.entry("deliveredGoodsCents", 16500L));
            assertThat(money.reconciles()).isTrue();
        }

        @Test
        void leavesOutSupplierPaymentsAndRefundsThatWereWithdrawn() {
            List<TraceEntry> withWithdrawn = new java.util.ArrayList<>(TRACE);
            withWithdrawn.addAll(List.of(money("SupplierPaymentRecorded", "", 4000),
                    money("SupplierPaymentWithdrawn", "", 4000), money("SupplierRefundRecorded", "", 500),
                    money("SupplierRefundWithdrawn", "", 500)));
            MoneyReconciliation withdrawn = MoneyReconciliation.of(Facts.groupBuy("SETTLED", settlement(300)), ORDERS,
                    withWithdrawn);
            assertThat(withdrawn.figures()).isEqualTo(money.figures());
            assertThat(withdrawn.reconciles()).isTrue();
        }

        @Test
        void writesATotalRowAndEachFigureBesideTheSettlements() {
            List<List<Object>> rows = money.table().rows();

            assertThat(rows.get(3)).containsExactly("TOTAL", "", 22500L, 22500L, 7200L, 15300L);
            assertThat(rows.get(4)).isEmpty();
            assertThat(rows.subList(6, 12)).extracting(r -> r.get(0) + "=" + r.get(1) + "/" + r.get(2) + " " + r.get(3))
                    .containsExactly("collectedCents=22500/22500 yes", "refundedCents=7200/7200 yes",
                            "supplierPaidCents=21000/21000 yes", "supplierRefundedCents=6000/6000 yes",
                            "leaderFeeCents=300/300 yes", "deliveredGoodsCents=16500/16500 yes");
        }
    }

    @Test
    void saysWhenAFigureDiffersFromTheSettlement() {
        MoneyReconciliation money = MoneyReconciliation.of(Facts.groupBuy("SETTLED", settlement(301)), ORDERS, TRACE);

        assertThat(money.reconciles()).isFalse();
        assertThat(money.table().rows().get(10)).containsExactly("leaderFeeCents", 300L, 301L, "NO");
    }

    @Test
    void comparesNothingBeforeSettle() {
        MoneyReconciliation money = MoneyReconciliation.of(Facts.groupBuy("COMPLETED", Map.of()), ORDERS, TRACE);

        assertThat(money.reconciles()).isFalse();
        assertThat(money.table().rows().get(6)).containsExactly("collectedCents", 22500L, "", "not settled");
    }
}
