package org.groupbuy.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The money rules on their own: figures in, figures or a refusal out. */
class MoneyPolicyTest {
    private static final Caller LEADER = new Caller("LeaderMSP", Role.LEADER, "C1", "leader1");
    /** The figures of a settlement, in the order they are stored. */
    private static final String[] FIGURES = {"collectedCents", "supplierPaidCents", "supplierRefundedCents",
        "refundedCents", "leaderFeeCents", "deliveredGoodsCents", "feePercent", "feeCapCents"};

    private static Payment paid(final String household, final long cents) {
        return entry(Payment.Kind.PAYMENT, household, cents);
    }

    private static Payment refunded(final String household, final long cents) {
        return entry(Payment.Kind.REFUND, household, cents);
    }

    private static Payment toSupplier(final long cents) {
        return entry(Payment.Kind.SUPPLIER_PAYMENT, null, cents);
    }

    private static Payment fromSupplier(final long cents) {
        return entry(Payment.Kind.SUPPLIER_REFUND, null, cents);
    }

    private static Payment entry(final Payment.Kind kind, final String household, final long cents) {
        return Payment.of(kind, new GroupBuy(), household, cents, "a".repeat(64), LEADER, "tx1",
                Instant.parse("2026-04-10T08:00:00Z"));
    }

    @Nested
    class FeeAtOpening {
        @Test
        void anyWholePercentFromZeroUpToTheCommunitysCapIsAccepted() {
            assertThatCode(() -> MoneyPolicy.requireFeeWithinCap(0, 5, "C1")).doesNotThrowAnyException();
            assertThatCode(() -> MoneyPolicy.requireFeeWithinCap(5, 5, "C1")).doesNotThrowAnyException();
        }

        @Test
        void aFeeAboveTheCapIsRefusedNamingTheCapAndCommunity() {
            assertThatThrownBy(() -> MoneyPolicy.requireFeeWithinCap(6, 5, "C1")).isInstanceOf(ChaincodeException.class)
                    .hasMessage("[INVALID_ARGUMENT] leaderFeePercent must be 0-5 (community C1's cap)");
        }

        @Test
        void aNegativeFeeIsRefused() {
            assertThatThrownBy(() -> MoneyPolicy.requireFeeWithinCap(-1, 5, "C2"))
                    .hasMessage("[INVALID_ARGUMENT] leaderFeePercent must be 0-5 (community C2's cap)");
        }
    }

    /** An order as the ledger holds it: priced at Open. */
    private static final long MAX = Long.MAX_VALUE;

    /** The refusal of a figure beyond a {@code long}. */
    private static String beyondALong(final String figure) {
        return "[INVALID_ARGUMENT] " + figure + " exceeds 9223372036854775807, the most a ledger figure holds; use "
                + "smaller quantities or amounts";
    }

    private static HouseholdOrder order(final String household, final long amountCents) {
        return new Gson().fromJson("{\"household\":\"" + household + "\",\"amountCents\":" + amountCents + "}",
                HouseholdOrder.class);
    }

    @Nested
    class OrderValue {
        @Test
        void ordersAreWorthTheSumOfTheirAmounts() {
            assertThat(MoneyPolicy.amountOf(List.of(order("H-1", 7000), order("H-2", 9500)), "orderedAmountCents")).isEqualTo(16500);
        }

        @Test
        void ordersWorthMoreThanALongHoldsAreRefusedNamingTheFigureNotWrapped() {
            assertThatThrownBy(() -> MoneyPolicy.amountOf(List.of(order("H-1", MAX), order("H-2", 1)),
                    "deliveredGoodsCents")).isInstanceOf(ChaincodeException.class)
                    .hasMessage(beyondALong("deliveredGoodsCents"));
        }

        @Test
        void ordersWorthExactlyTheLargestLongAreStillSummed() {
            assertThat(MoneyPolicy.amountOf(List.of(order("H-1", MAX - 1), order("H-2", 1)), "orderedAmountCents"))
                    .isEqualTo(MAX);
        }

        @Test
        void noOrdersAreWorthNothing() {
            assertThat(MoneyPolicy.amountOf(List.of(), "orderedAmountCents")).isZero();
        }
    }

    @Nested
    class Totals {
        private final List<Payment> entries = List.of(paid("H-1", 7000), paid("H-2", 9500), refunded("H-1", 300),
                toSupplier(16100), paid("H-1", 25));

        @Test
        void aTotalAddsTheEntriesOfOneKindOnly() {
            assertThat(MoneyPolicy.total(entries, Payment.Kind.PAYMENT)).isEqualTo(16525);
            assertThat(MoneyPolicy.total(entries, Payment.Kind.REFUND)).isEqualTo(300);
            assertThat(MoneyPolicy.total(entries, Payment.Kind.SUPPLIER_PAYMENT)).isEqualTo(16100);
        }

        @Test
        void aHouseholdsTotalAddsOnlyItsOwnEntries() {
            assertThat(MoneyPolicy.total(entries, Payment.Kind.PAYMENT, "H-1")).isEqualTo(7025);
            assertThat(MoneyPolicy.total(entries, Payment.Kind.REFUND, "H-2")).isZero();
        }

        @Test
        void paymentsBeyondALongAreRefusedNamingTheSettlementFigure() {
            assertThatThrownBy(() -> MoneyPolicy.total(List.of(paid("H-1", MAX), paid("H-2", 1)),
                    Payment.Kind.PAYMENT)).hasMessage(beyondALong("collectedCents"));
            assertThatThrownBy(() -> MoneyPolicy.total(List.of(toSupplier(MAX), toSupplier(MAX)),
                    Payment.Kind.SUPPLIER_PAYMENT)).hasMessage(beyondALong("supplierPaidCents"));
        }

        @Test
        void aHouseholdsTotalBeyondALongNamesTheHousehold() {
            assertThatThrownBy(() -> MoneyPolicy.total(List.of(refunded("H-1", MAX), refunded("H-1", MAX)),
                    Payment.Kind.REFUND, "H-1")).hasMessage(beyondALong("refundedCents of household H-1"));
        }

        @Test
        void noEntriesTotalZero() {
            assertThat(MoneyPolicy.total(List.of(), Payment.Kind.PAYMENT)).isZero();
        }
    }

    @Nested
    class SupplierRefundLimit {
        private final List<Payment> entries = List.of(paid("H-1", 7000), toSupplier(4000), fromSupplier(1000),
                refunded("H-1", 500));

        @Test
        void aSupplierRefundUpToWhatWasPaidAndNotPaidBackIsAllowed() {
            assertThatCode(() -> MoneyPolicy.requireSupplierRefundWithinPaid(3000, entries, "GB-7"))
                    .doesNotThrowAnyException();
        }

        @Test
        void aSupplierRefundAboveItIsRefusedNamingTheFigures() {
            assertThatThrownBy(() -> MoneyPolicy.requireSupplierRefundWithinPaid(3001, entries, "GB-7"))
                    .hasMessage("[INVALID_ARGUMENT] supplier refund of 3001 cents exceeds what group buy GB-7 paid "
                            + "its supplier and has not had back (3000 cents: paid 4000, refunded 1000)");
        }

        @Test
        void aSupplierNeverPaidCanRefundNothing() {
            assertThatThrownBy(() -> MoneyPolicy.requireSupplierRefundWithinPaid(1, List.of(paid("H-1", 7000)),
                    "GB-7")).hasMessage("[INVALID_ARGUMENT] supplier refund of 1 cents exceeds what group buy GB-7 "
                            + "paid its supplier and has not had back (0 cents: paid 0, refunded 0)");
        }
    }

    @Nested
    class RefundLimit {
        private final List<Payment> household = List.of(paid("H-1", 7000), refunded("H-1", 2000));

        @Test
        void aRefundOfExactlyWhatRemainsPaysBackInFull() {
            assertThat(MoneyPolicy.refundsInFull(5000, household, "H-1")).isTrue();
        }

        @Test
        void aSmallerRefundIsAcceptedButNotInFull() {
            assertThat(MoneyPolicy.refundsInFull(4999, household, "H-1")).isFalse();
        }

        @Test
        void aRefundAboveWhatWasPaidAndNotHadBackIsRefused() {
            assertThatThrownBy(() -> MoneyPolicy.refundsInFull(5001, household, "H-1"))
                    .hasMessage("[INVALID_ARGUMENT] refund of 5001 cents exceeds what household H-1 paid and has "
                            + "not had back (5000 cents)");
        }

        @Test
        void aHouseholdThatPaidNothingCanHaveNothingBack() {
            assertThatThrownBy(() -> MoneyPolicy.refundsInFull(1, List.of(), "H-9"))
                    .hasMessage("[INVALID_ARGUMENT] refund of 1 cents exceeds what household H-9 paid and has not "
                            + "had back (0 cents)");
        }
    }

    @Nested
    class RefundsOwedBeforeSettle {
        @Test
        void anUpheldDisputeRefundMustBeRecorded() {
            assertThatThrownBy(() -> MoneyPolicy.requireRefundsRecorded(List.of(paid("H-1", 7000),
                    refunded("H-1", 3000)), Map.of("H-1", 3500L), List.of()))
                    .hasMessage("[INVALID_STATE] household H-1 is owed 3500 cents in refunds and has had 3000; "
                            + "RecordRefund the rest first");
        }

        @Test
        void aHouseholdWhoseOrderWasNotDeliveredIsOwedAllItPaid() {
            assertThatThrownBy(() -> MoneyPolicy.requireRefundsRecorded(List.of(paid("H-2", 9000),
                    paid("H-2", 500), refunded("H-2", 9000)), Map.of(), List.of("H-2")))
                    .hasMessage("[INVALID_STATE] household H-2 is owed 9500 cents in refunds and has had 9000; "
                            + "RecordRefund the rest first");
        }

        @Test
        void aDisputeRefundAndAnUndeliveredOrderOfOneHouseholdAddUp() {
            assertThatThrownBy(() -> MoneyPolicy.requireRefundsRecorded(List.of(paid("H-1", 7000),
                    refunded("H-1", 7000)), Map.of("H-1", 100L), List.of("H-1")))
                    .hasMessage("[INVALID_STATE] household H-1 is owed 7100 cents in refunds and has had 7000; "
                            + "RecordRefund the rest first");
        }

        @Test
        void theFirstHouseholdShortInOrderOfReferenceIsNamed() {
            assertThatThrownBy(() -> MoneyPolicy.requireRefundsRecorded(List.of(paid("H-1", 10), paid("H-3", 30)),
                    Map.of("H-2", 20L), List.of("H-3", "H-1")))
                    .hasMessage("[INVALID_STATE] household H-1 is owed 10 cents in refunds and has had 0; "
                            + "RecordRefund the rest first");
        }

        @Test
        void refundsOwedBeyondALongAreRefusedNotWrappedIntoNothingOwed() {
            assertThatThrownBy(() -> MoneyPolicy.requireRefundsRecorded(List.of(paid("H-1", MAX)),
                    Map.of("H-1", MAX), List.of("H-1"))).hasMessage(beyondALong("refunds owed to household H-1"));
        }

        @Test
        void refundsRecordedInFullOrBeyondAndNothingOwedPass() {
            assertThatCode(() -> MoneyPolicy.requireRefundsRecorded(List.of(paid("H-1", 7000), refunded("H-1", 3500),
                    paid("H-2", 9500), refunded("H-2", 9500)), Map.of("H-1", 3000L, "H-3", 0L), List.of("H-2")))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class FeeCap {
        @Test
        void theCapIsThePercentOfTheDeliveredGoods() {
            assertThat(MoneyPolicy.feeCap(16500, 3)).isEqualTo(495);
        }

        @Test
        void theCapRoundsDownToAWholeCent() {
            assertThat(MoneyPolicy.feeCap(16599, 3)).isEqualTo(497);
            assertThat(MoneyPolicy.feeCap(33, 3)).isZero();
        }

        @Test
        void theCapOfDeliveredGoodsNearTheLargestLongIsExactNotWrapped() {
            assertThat(MoneyPolicy.feeCap(9_000_000_000_000_000_000L, 5)).isEqualTo(450_000_000_000_000_000L);
            assertThat(MoneyPolicy.feeCap(MAX, 100)).isEqualTo(MAX);
            assertThat(MoneyPolicy.feeCap(MAX, 3)).isEqualTo(276_701_161_105_643_274L);
        }

        @Test
        void noDeliveredGoodsOrAZeroPercentCapsTheFeeAtZero() {
            assertThat(MoneyPolicy.feeCap(0, 5)).isZero();
            assertThat(MoneyPolicy.feeCap(16500, 0)).isZero();
        }
    }

    @Nested
    class Settle {
        private final List<Payment> happy = List.of(paid("H-1", 7000), paid("H-2", 9500), toSupplier(16100));

        @Test
        void theLeaderKeepsWhatRemainsAfterTheSupplierAndTheRefunds() {
            assertThat(MoneyPolicy.settle(happy, 16500, 3, 5)).extracting(FIGURES)
                    .containsExactly(16500L, 16100L, 0L, 0L, 400L, 16500L, 3, 495L);
        }

        @Test
        void refundsCountAgainstWhatTheLeaderKeeps() {
            final List<Payment> entries = List.of(paid("H-1", 7000), paid("H-2", 9500), refunded("H-2", 9500),
                    toSupplier(6800));
            assertThat(MoneyPolicy.settle(entries, 7000, 3, 5)).extracting(FIGURES)
                    .containsExactly(16500L, 6800L, 0L, 9500L, 200L, 7000L, 3, 210L);
        }

        @Test
        void supplierRefundsCountTowardsWhatTheLeaderKeeps() {
            // the supplier was paid for everything, then H-2 (9500) was refunded and the supplier paid 9300 back
            final List<Payment> entries = List.of(paid("H-1", 7000), paid("H-2", 9500), toSupplier(16100),
                    refunded("H-2", 9500), fromSupplier(9000), fromSupplier(300));
            assertThat(MoneyPolicy.settle(entries, 7000, 3, 5)).extracting(FIGURES)
                    .containsExactly(16500L, 16100L, 9300L, 9500L, 200L, 7000L, 3, 210L);
        }

        @Test
        void withoutTheSupplierRefundARefundAfterPayingTheSupplierDoesNotReconcile() {
            final List<Payment> entries = List.of(paid("H-1", 7000), paid("H-2", 9500), toSupplier(16100),
                    refunded("H-2", 9500));
            assertThatThrownBy(() -> MoneyPolicy.settle(entries, 7000, 3, 5))
                    .hasMessage("[INVALID_STATE] money does not reconcile: collected 16500 + supplier refunds 0 = "
                            + "supplier 16100 + refunds 9500 + leader fee -9100, and the fee must be 0-210 (3% of "
                            + "7000 delivered); record the missing payments or refunds");
        }

        @Test
        void supplierRefundsBeyondALongAreRefusedNamingTheFigure() {
            assertThatThrownBy(() -> MoneyPolicy.settle(List.of(fromSupplier(MAX), fromSupplier(MAX)), 100, 5, 5))
                    .hasMessage(beyondALong("supplierRefundedCents"));
        }

        @Test
        void theFeePercentIsTheLowerOfTheAgreedOneAndTheCommunitysCapNow() {
            assertThat(MoneyPolicy.settle(happy, 16500, 5, 3)).extracting("feePercent", "feeCapCents")
                    .containsExactly(3, 495L);
            assertThat(MoneyPolicy.settle(happy, 16500, 4, 5)).extracting("feePercent", "feeCapCents")
                    .containsExactly(4, 660L);
        }

        @Test
        void aFeeOfExactlyTheCapOrOfZeroReconciles() {
            assertThat(MoneyPolicy.settle(List.of(paid("H-1", 10300), toSupplier(10000)), 10000, 3, 5))
                    .extracting(FIGURES)
                    .containsExactly(10300L, 10000L, 0L, 0L, 300L, 10000L, 3, 300L);
            assertThat(MoneyPolicy.settle(List.of(paid("H-1", 10000), toSupplier(10000)), 10000, 3, 5))
                    .extracting(FIGURES)
                    .containsExactly(10000L, 10000L, 0L, 0L, 0L, 10000L, 3, 300L);
        }

        @Test
        void aFeeAboveTheCapDoesNotReconcile() {
            assertThatThrownBy(() -> MoneyPolicy.settle(List.of(paid("H-1", 10301), toSupplier(10000)), 10000, 3, 5))
                    .isInstanceOf(ChaincodeException.class)
                    .hasMessage("[INVALID_STATE] money does not reconcile: collected 10301 + supplier refunds 0 = "
                            + "supplier 10000 + refunds 0 + leader fee 301, and the fee must be 0-300 (3% of 10000 delivered); record the "
                            + "missing payments or refunds");
        }

        @Test
        void collectedMoneyBeyondALongIsRefusedNamingTheFigure() {
            assertThatThrownBy(() -> MoneyPolicy.settle(List.of(paid("H-1", MAX), paid("H-2", MAX), toSupplier(1)),
                    1000, 3, 5)).isInstanceOf(ChaincodeException.class).hasMessage(beyondALong("collectedCents"));
        }

        @Test
        void aLeaderFeeBeyondALongIsRefusedInsteadOfWrappingIntoAFeeThatReconciles() {
            // 0 - MAX - MAX wraps to 2, which lies within the cap of 5 (5% of 100)
            assertThatThrownBy(() -> MoneyPolicy.settle(List.of(toSupplier(MAX), refunded("H-1", MAX)), 100, 5, 5))
                    .hasMessage(beyondALong("leaderFeeCents"));
        }

        @Test
        void moneyMissingMakesANegativeFeeThatDoesNotReconcile() {
            assertThatThrownBy(() -> MoneyPolicy.settle(List.of(paid("H-1", 7000), toSupplier(16100)), 16500, 3, 5))
                    .hasMessage("[INVALID_STATE] money does not reconcile: collected 7000 + supplier refunds 0 = "
                            + "supplier 16100 + refunds 0 + leader fee -9100, and the fee must be 0-495 (3% of 16500 delivered); record the "
                            + "missing payments or refunds");
        }
    }

    private static Dispute dispute(final String id, final String household, final DisputeStatus status,
            final long refundCents) {
        return new Gson().fromJson("{\"id\":\"" + id + "\",\"household\":\"" + household + "\",\"status\":\""
                + status + "\",\"refundCents\":" + refundCents + "}", Dispute.class);
    }

    @Nested
    class WhenMoneyMayBeRecorded {
        @Test
        void householdsPayFromOpenUntilCompletedButNotOnceSettled() {
            assertThatCode(() -> MoneyPolicy.requireRecordable(Payment.Kind.PAYMENT, GroupBuyStatus.OPEN, "GB-1"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> MoneyPolicy.requireRecordable(Payment.Kind.PAYMENT, GroupBuyStatus.SETTLED,
                    "GB-1")).hasMessageStartingWith("[INVALID_STATE] group buy GB-1 is SETTLED; RecordPayment needs "
                            + "OPEN or SUBMITTED or ACCEPTED");
        }

        @Test
        void theSupplierIsPaidAndRefundsOnlyOnceItAccepted() {
            assertThatThrownBy(() -> MoneyPolicy.requireRecordable(Payment.Kind.SUPPLIER_PAYMENT,
                    GroupBuyStatus.SUBMITTED, "GB-1")).hasMessage("[INVALID_STATE] group buy GB-1 is SUBMITTED; "
                            + "RecordSupplierPayment needs ACCEPTED or PACKED or IN_TRANSIT or ARRIVED or QUARANTINED or "
                            + "DISINFECTED or COMPLETED");
            assertThatThrownBy(() -> MoneyPolicy.requireRecordable(Payment.Kind.SUPPLIER_REFUND, GroupBuyStatus.OPEN,
                    "GB-1")).hasMessageStartingWith("[INVALID_STATE] group buy GB-1 is OPEN; RecordSupplierRefund needs");
            assertThatCode(() -> MoneyPolicy.requireRecordable(Payment.Kind.SUPPLIER_REFUND,
                    GroupBuyStatus.COMPLETED, "GB-1")).doesNotThrowAnyException();
        }

        @Test
        void householdRefundsNeedAClosedGroupBuyThatIsNotSettled() {
            assertThatThrownBy(() -> MoneyPolicy.requireRecordable(Payment.Kind.REFUND, GroupBuyStatus.OPEN, "GB-1"))
                    .hasMessage("[INVALID_STATE] group buy GB-1 is OPEN; RecordRefund needs it closed and not yet "
                            + "settled");
            assertThatCode(() -> MoneyPolicy.requireRecordable(Payment.Kind.REFUND, GroupBuyStatus.FAILED, "GB-1"))
                    .doesNotThrowAnyException();
        }

        @Test
        void anOrderTakesPaymentOnlyWhileJoinedConfirmedOrDelivered() {
            assertThatCode(() -> MoneyPolicy.requireOrderTakesPayment(OrderStatus.DELIVERED, "H-1"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> MoneyPolicy.requireOrderTakesPayment(OrderStatus.REFUNDED, "H-1"))
                    .hasMessage("[INVALID_STATE] household H-1's order is REFUNDED; it takes no payment");
        }
    }

    @Nested
    class RefundEndingAnOrder {
        @Test
        void aRefundInFullEndsAnOrderThatGetsNothing() {
            assertThat(MoneyPolicy.refundEndsOrder(true, GroupBuyStatus.DISINFECTED, OrderStatus.UNDELIVERABLE))
                    .isTrue();
            assertThat(MoneyPolicy.refundEndsOrder(true, GroupBuyStatus.FAILED, OrderStatus.CONFIRMED)).isTrue();
        }

        @Test
        void aPartialRefundOrARefundOfADeliveredOrderEndsNothing() {
            assertThat(MoneyPolicy.refundEndsOrder(false, GroupBuyStatus.FAILED, OrderStatus.CONFIRMED)).isFalse();
            assertThat(MoneyPolicy.refundEndsOrder(true, GroupBuyStatus.COMPLETED, OrderStatus.DELIVERED)).isFalse();
        }
    }

    @Nested
    class DisputeAwards {
        @Test
        void awardsAddUpPerHouseholdAndRejectedDisputesAwardNothing() {
            assertThat(MoneyPolicy.disputeRefunds(List.of(dispute("D-1", "H-2", DisputeStatus.UPHELD, 300),
                    dispute("D-2", "H-1", DisputeStatus.REJECTED, 0), dispute("D-3", "H-2", DisputeStatus.UPHELD, 200))))
                    .isEqualTo(Map.of("H-1", 0L, "H-2", 500L));
        }

        @Test
        void anOpenDisputeIsRefusedNamingIt() {
            assertThatThrownBy(() -> MoneyPolicy.disputeRefunds(List.of(dispute("D-7", "H-1", DisputeStatus.DISPUTED,
                    0)))).hasMessage("[INVALID_STATE] dispute D-7 is still open; the committee must RuleDispute first");
        }
    }

    @Nested
    class BoundsFromBothSides {
        @Test
        void aHouseholdPaysAtMostItsOrderPlusTheFeeNetOfRefunds() {
            assertThatCode(() -> MoneyPolicy.requirePaymentWithinOrder(210, List.of(paid("H-1", 7000)), 7000, 3, "H-1"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> MoneyPolicy.requirePaymentWithinOrder(211, List.of(paid("H-1", 7000)), 7000, 3,
                    "H-1")).hasMessage("[INVALID_ARGUMENT] payment of 211 cents would bring household H-1 to 7211 "
                            + "cents paid (net of refunds), above its order of 7000 plus a leader fee of at most 210 "
                            + "(3%); record what the household really paid");
            assertThatCode(() -> MoneyPolicy.requirePaymentWithinOrder(7000, List.of(paid("H-1", 7000),
                    refunded("H-1", 7000)), 7000, 3, "H-1")).doesNotThrowAnyException();
        }

        @Test
        void theSupplierIsPaidAtMostWhatItsGoodsAreWorthNetOfWhatItPaidBack() {
            assertThatThrownBy(() -> MoneyPolicy.requireSupplierPaymentWithinGoods(1, List.of(toSupplier(100_000)),
                    100_000, "GB-1")).hasMessage("[INVALID_ARGUMENT] supplier payment of 1 cents would bring what "
                            + "group buy GB-1 paid its supplier to 100001 cents (net of its refunds), above the 100000 "
                            + "cents its goods are worth at the agreed unit prices; record what was really paid");
            assertThatCode(() -> MoneyPolicy.requireSupplierPaymentWithinGoods(500, List.of(toSupplier(100_000),
                    fromSupplier(500)), 100_000, "GB-1")).doesNotThrowAnyException();
        }

        @Test
        void aSupplierPaidInAdvanceForMoreThanItDeliveredPaysTheRestBackBeforeSettle() {
            assertThatThrownBy(() -> MoneyPolicy.requireSupplierNotOverpaid(List.of(toSupplier(16_500)), 13_000, "GB-1"))
                    .hasMessage("[INVALID_STATE] group buy GB-1 paid its supplier 16500 cents net, above the 13000 "
                            + "cents its goods are worth at the agreed unit prices; the supplier must "
                            + "RecordSupplierRefund the 3500 cents difference first");
            assertThatCode(() -> MoneyPolicy.requireSupplierNotOverpaid(List.of(toSupplier(16_500),
                    fromSupplier(3_500)), 13_000, "GB-1")).doesNotThrowAnyException();
        }
    }
}
