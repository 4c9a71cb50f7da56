package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GroupBuy transactions after Close: supplier, courier, hand-over, money and disputes. */
class GroupBuyFulfilmentContractTest {
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
    }

    @Nested
    class CancelAcceptReject {
        @Test
        void theLeaderCancelsBeforeAcceptanceOnly() {
            net.to(GroupBuyStatus.SUBMITTED);
            net.fails("FORBIDDEN", () -> net.groupBuy.Cancel(net.as("leader2"), GB, "x"));
            net.groupBuy.Cancel(net.as("leader1"), GB, "supplier too slow");
            assertThat(net.status()).isEqualTo(GroupBuyStatus.CANCELLED);
            net.fails("INVALID_STATE", () -> net.groupBuy.Cancel(net.as("leader1"), GB, "again"));
        }

        @Test
        void theNamedSupplierAcceptsWithAFutureShipBy() {
            net.to(GroupBuyStatus.SUBMITTED);
            net.fails("FORBIDDEN", () -> net.groupBuy.Accept(net.as("supplier2"), GB, "2026-04-11T06:00:00Z"));
            net.fails("FORBIDDEN", () -> net.groupBuy.Accept(net.as("leader1"), GB, "2026-04-11T06:00:00Z"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-01T06:00:00Z"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Accept(net.as("supplier1"), GB, "tomorrow"));
            net.commitment.Suspend(net.as("committee1"), "CM-S1", "inspection");
            net.fails("FORBIDDEN", () -> net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-11T06:00:00Z"));
            net.commitment.Reinstate(net.as("committee1"), "CM-S1");
            net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-11T06:00:00Z");
            assertThat(net.record("groupbuy", GB).get("shipBy").getAsString()).isEqualTo("2026-04-11T06:00:00Z");
            net.fails("INVALID_STATE", () -> net.groupBuy.Reject(net.as("supplier1"), GB, "no"));
        }

        @Test
        void acceptNeedsSubmitted() {
            net.to(GroupBuyStatus.OPEN);
            assertThatThrownBy(() -> net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-11T06:00:00Z"))
                    .hasMessage("[INVALID_STATE] group buy GB-1 is OPEN; Accept needs SUBMITTED");
        }
    }

    @Nested
    class PackAndArrivalAndDispatch {
        @Test
        void packRecordsLotsAndEvidence() {
            net.to(GroupBuyStatus.ACCEPTED);
            net.fails("FORBIDDEN", () -> net.groupBuy.Pack(net.as("supplier2"), GB, TestNet.PACK));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Pack(net.as("supplier1"), GB, "{\"lots\":[]}"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Pack(net.as("supplier1"), GB,
                    TestNet.PACK.replace("\"VEG\"", "\"FISH\"")));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Pack(net.as("supplier1"), GB,
                    TestNet.PACK.replace("[\"" + TestNet.H3 + "\"]", "[]")));
            net.groupBuy.Pack(net.as("supplier1"), GB, TestNet.PACK);
            assertThat(net.record("groupbuy", GB).get("packed").toString()).isEqualTo("{\"MILK\":1,\"VEG\":3}");
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("evidence", TestNet.H3,
                    net.stub.getTxId(), GB));
            net.fails("INVALID_STATE", () -> net.groupBuy.Pack(net.as("supplier1"), GB, TestNet.PACK));
        }

        @Test
        void arrivalNeedsARequestApprovedByTheCommittee() {
            net.to(GroupBuyStatus.PACKED);
            net.fails("NOT_FOUND", () -> net.groupBuy.ApproveArrival(net.as("committee1"), GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.RequestArrival(net.as("supplier1"), GB, "2026-04-11T09:00:00Z"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-01T09:00:00Z"));
            net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-11T09:00:00Z");
            net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-12T09:00:00Z");
            assertThat(net.stub.txWrites).containsEntry(FakeStub.key("arrival", "C1", "2026-04-11", GB), null);
            net.fails("FORBIDDEN", () -> net.groupBuy.ApproveArrival(net.as("volunteer1"), GB));
            net.groupBuy.ApproveArrival(net.as("committee1"), GB);
            assertThat(net.record("arrival", "C1", "2026-04-12", GB).get("status").getAsString()).isEqualTo("APPROVED");
            net.fails("INVALID_STATE", () -> net.groupBuy.ApproveArrival(net.as("committee1"), GB));
            net.fails("CONFLICT", () -> net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-13T09:00:00Z"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.ArrivalQueue(net.as("leader1"), "C1", "12 April"));
        }

        @Test
        void dispatchNeedsAnActiveCourierAndPackedGoods() {
            net.to(GroupBuyStatus.PACKED);
            net.fails("FORBIDDEN", () -> net.groupBuy.Dispatch(net.as("supplier1"), GB, TestNet.DISPATCH));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Dispatch(net.as("courier1"), GB, "{\"vehicle\":\"x\"}"));
            net.commitment.Revoke(net.as("committee1"), "CM-K1", "pass withdrawn");
            net.fails("FORBIDDEN", () -> net.groupBuy.Dispatch(net.as("courier1"), GB, TestNet.DISPATCH));
        }

        @Test
        void checkpointsAreRecordedByTheCourierInTransit() {
            net.to(GroupBuyStatus.IN_TRANSIT);
            net.groupBuy.Checkpoint(net.as("courier1"), GB, "Toll gate 3", "cold chain 2C");
            assertThat(net.lastEventName()).isEqualTo("CheckpointRecorded");
            assertThat(net.stub.txWrites).doesNotContainKey(FakeStub.key("groupbuy", GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.Checkpoint(net.as("leader1"), GB, "x", ""));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Checkpoint(net.as("courier1"), GB, "", ""));
        }
    }

    @Nested
    class Incidents {
        @Test
        void onlyPartiesOfTheGroupBuyReportAndOnlyTheCommitteeResolves() {
            net.to(GroupBuyStatus.ARRIVED);
            net.fails("FORBIDDEN", () -> net.groupBuy.ReportIncident(net.as("supplier2"), GB, "POSITIVE_TEST", TestNet.H1));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.ReportIncident(net.as("supplier1"), GB, "FIRE", TestNet.H1));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.ReportIncident(net.as("supplier1"), GB, "DAMAGE", "abc"));
            net.fails("INVALID_STATE", () -> net.groupBuy.ResolveIncident(net.as("committee1"), GB, "RELEASE"));
            net.groupBuy.ReportIncident(net.as("supplier1"), GB, "POSITIVE_TEST", TestNet.H1);
            assertThat(net.record("groupbuy", GB).get("quarantinedFrom").getAsString()).isEqualTo("ARRIVED");
            net.fails("FORBIDDEN", () -> net.groupBuy.ResolveIncident(net.as("volunteer1"), GB, "RELEASE"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.ResolveIncident(net.as("committee1"), GB, "IGNORE"));
            net.groupBuy.ResolveIncident(net.as("committee1"), GB, "RELEASE");
            assertThat(net.status()).isEqualTo(GroupBuyStatus.ARRIVED);
        }
    }

    @Nested
    class ArriveDisinfectDeliver {
        @Test
        void arrivalRecordsShortagesAgainstTheNamedParty() {
            net.to(GroupBuyStatus.IN_TRANSIT);
            net.fails("FORBIDDEN", () -> net.groupBuy.Arrive(net.as("leader1"), GB, TestNet.received(3, 1, null)));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(4, 1, null)));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(2, 1, null)));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(2, 1, "LEADER")));
            net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(2, 1, "COURIER"));
            final var gb = net.record("groupbuy", GB);
            assertThat(gb.get("shortages").toString()).isEqualTo("{\"VEG\":1}");
            assertThat(gb.get("shortageAgainst").getAsString()).isEqualTo("COURIER");
        }

        @Test
        void restTimeIsAtLeastTheCommunitysMinimumAndDeliveryWaitsForIt() {
            net.to(GroupBuyStatus.ARRIVED);
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", "59"));
            net.fails("FORBIDDEN", () -> net.groupBuy.Disinfect(net.as("courier1"), GB, "spray", "60"));
            net.groupBuy.Disinfect(net.as("committee1"), GB, "spray", "60");
            net.fails("INVALID_STATE", () -> net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001"));
            net.advance(Duration.ofMinutes(60));
            net.fails("FORBIDDEN", () -> net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "wrong"));
            net.fails("FORBIDDEN", () -> net.groupBuy.Deliver(net.as("committee1"), GB, "H-001", "code-H-001"));
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001");
            assertThat(net.status()).isEqualTo(GroupBuyStatus.DISINFECTED);
            assertThat(net.orderStatus("H-001")).isEqualTo("DELIVERED");
            net.fails("INVALID_STATE", () -> net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001"));
            net.fails("INVALID_STATE", () -> net.groupBuy.Complete(net.as("leader1"), GB));
            net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-002", "in hospital");
            net.fails("FORBIDDEN", () -> net.groupBuy.Complete(net.as("volunteer1"), GB));
            net.groupBuy.Complete(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.COMPLETED);
        }

        @Test
        void deliveredNeverExceedsWhatArrived() {
            net.to(GroupBuyStatus.IN_TRANSIT);
            net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(2, 1, "SUPPLIER"));
            net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", "60");
            net.advance(Duration.ofHours(2));
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001");
            net.fails("CONFLICT", () -> net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-002", "code-H-002"));
        }

        @Test
        void twoVolunteersDeliveringAtOnceNeitherReadNorWriteWhatTheOtherWrites() {
            net.to(GroupBuyStatus.DISINFECTED);
            net.advance(Duration.ofMinutes(61));
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001");
            final Set<String> firstWrites = Set.copyOf(net.stub.txWrites.keySet());
            final List<String> firstReads = List.copyOf(net.stub.txReads);
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-002", "code-H-002");
            final Set<String> secondWrites = Set.copyOf(net.stub.txWrites.keySet());
            final List<String> secondReads = List.copyOf(net.stub.txReads);

            assertThat(firstWrites).contains(FakeStub.key("order", GB, "H-001"))
                    .doesNotContain(FakeStub.key("groupbuy", GB));
            assertThat(secondWrites).contains(FakeStub.key("order", GB, "H-002"))
                    .doesNotContain(FakeStub.key("groupbuy", GB));
            assertThat(firstReads).noneMatch(r -> r.startsWith("range "))
                    .noneMatch(r -> secondWrites.stream().anyMatch(w -> r.equals("state " + w)));
            assertThat(secondReads).noneMatch(r -> r.startsWith("range "))
                    .noneMatch(r -> firstWrites.stream().anyMatch(w -> r.equals("state " + w)));
            assertThat(net.status()).isEqualTo(GroupBuyStatus.DISINFECTED);
        }

        @Test
        void shortGoodsAreAllocatedAtDisinfectInJoiningOrderAndASmallerLineGetsWhatALargerCannotUse() {
            net.to(GroupBuyStatus.IN_TRANSIT);
            net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(1, 1, "SUPPLIER"));
            net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", "60");
            assertThat(net.record("groupbuy", GB).get("unserved").toString()).isEqualTo("{\"VEG\":[\"H-001\"]}");
            net.advance(Duration.ofHours(2));
            assertThatThrownBy(() -> net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001"))
                    .hasMessage("[CONFLICT] only 1 of VEG arrived, and household H-001 is among the 1 left without it "
                            + "(decided at Disinfect, in the order households joined); mark it UNDELIVERABLE and refund it");
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-002", "code-H-002");
            assertThat(net.orderStatus("H-002")).isEqualTo("DELIVERED");
            net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-001", "short");
            net.groupBuy.Complete(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.COMPLETED);
        }

        @Test
        void aFullArrivalAllocatesNothing() {
            net.to(GroupBuyStatus.DISINFECTED);
            assertThat(net.record("groupbuy", GB).has("unserved")).isFalse();
        }
    }

    @Nested
    class Money {
        @Test
        void paymentsAreKeysOfTheirOwnAndRefundsCannotExceedWhatWasPaid() {
            net.to(GroupBuyStatus.OPEN);
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
            net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "7000", TestNet.H1);
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("payment", GB, "H-001", net.stub.getTxId()))
                    .doesNotContain(FakeStub.key("groupbuy", GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.RecordPayment(net.as("committee1"), GB, "H-001", "1", TestNet.H1));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "0", TestNet.H1));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "1.5", TestNet.H1));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "10", "ref"));
            net.fails("NOT_FOUND", () -> net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-404", "10", TestNet.H1));
            net.fails("INVALID_STATE", () -> net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-001", "10", TestNet.H1));
            net.fails("INVALID_STATE", () -> net.groupBuy.RecordSupplierPayment(net.as("leader1"), GB, "10", TestNet.H1));
        }

        @Test
        void theIssuesOverchargeCannotBeRecorded() {
            net.to(GroupBuyStatus.SUBMITTED);
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "211", TestNet.H1));
            net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-11T06:00:00Z");
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordSupplierPayment(net.as("leader1"), GB, "16501", TestNet.H3));
            net.paySupplier("16500");
        }

        @Test
        void goodsShortThroughTheSuppliersFaultAreRefundedByItBeforeSettle() {
            net.to(GroupBuyStatus.IN_TRANSIT);
            net.paySupplier("16500");
            net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(2, 1, "SUPPLIER"));
            net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", "60");
            net.advance(Duration.ofHours(2));
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001");
            net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-002", "short");
            net.groupBuy.Complete(net.as("committee1"), GB);
            net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-002", "9500", TestNet.H2);
            assertThatThrownBy(() -> net.groupBuy.Settle(net.as("committee1"), GB)).hasMessageStartingWith(
                    "[INVALID_STATE] group buy GB-1 paid its supplier 16500 cents net, above the 13000 cents");
            net.refundFromSupplier("9500");
            net.groupBuy.Settle(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SETTLED);
        }

        @Test
        void settlementRefusesWhenTheFeeExceedsTheCap() {
            net.to(GroupBuyStatus.COMPLETED);
            net.paySupplier("15000");
            assertThatThrownBy(() -> net.groupBuy.Settle(net.as("leader1"), GB)).hasMessageStartingWith(
                    "[INVALID_STATE] money does not reconcile: collected 16500 + supplier refunds 0 = supplier 15000 "
                            + "+ refunds 0 + leader fee 1500, and the fee must be 0-495");
            net.fails("FORBIDDEN", () -> net.groupBuy.Settle(net.as("supplier1"), GB));
        }
    }

    @Nested
    class RecordSupplierRefund {
        /** The supplier was paid for everything, then H-002's order could not be delivered and was refunded. */
        private void paidSupplierThenRefundedAnUndeliverableOrder() {
            net.delivering();
            net.paySupplier("16100");
            net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-002", "not home");
            net.groupBuy.Complete(net.as("leader1"), GB);
            net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-002", "9500", TestNet.H2);
        }

        @Test
        void theSupplierRecordsWhatItPaysBackAsAnEntryOfItsOwn() {
            net.to(GroupBuyStatus.COMPLETED);
            net.paySupplier("16100");
            net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, "300", TestNet.H2);
            final String key = FakeStub.key("supplierRefund", GB, net.stub.getTxId());
            assertThat(net.stub.txWrites.keySet()).contains(key).doesNotContain(FakeStub.key("groupbuy", GB));
            final var entry = JsonParser.parseString(net.stub.txWrites.get(key)).getAsJsonObject();
            assertThat(entry.get("kind").getAsString()).isEqualTo("SUPPLIER_REFUND");
            assertThat(entry.get("amountCents").getAsLong()).isEqualTo(300);
            assertThat(entry.get("refHash").getAsString()).isEqualTo(TestNet.H2);
            assertThat(entry.get("actor").getAsString()).isEqualTo("SupplierMSP/supplier1");
            assertThat(entry.has("household")).isFalse();
            assertThat(entry.get("confirmation").getAsString()).isEqualTo("UNCONFIRMED");
            assertThat(net.lastEventName()).isEqualTo("SupplierRefundRecorded");
        }

        @Test
        void moreThanTheSupplierWasPaidAndHasNotPaidBackIsRefusedNamingTheFigures() {
            net.to(GroupBuyStatus.COMPLETED);
            net.paySupplier("16100");
            net.refundFromSupplier("16000");
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, "101",
                    TestNet.H2));
            assertThatThrownBy(() -> net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, "101", TestNet.H2))
                    .hasMessage("[INVALID_ARGUMENT] supplier refund of 101 cents exceeds what group buy GB-1 paid its "
                            + "supplier and has not had back (100 cents: paid 16100, refunded 16000)");
            net.refundFromSupplier("100");
        }

        @Test
        void onlyTheGroupBuysSupplierRecordsItAndOnlyBetweenAcceptAndSettle() {
            net.to(GroupBuyStatus.SUBMITTED);
            net.fails("INVALID_STATE", () -> net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, "1",
                    TestNet.H2));
            net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-11T06:00:00Z");
            net.paySupplier("100");
            net.fails("FORBIDDEN", () -> net.groupBuy.RecordSupplierRefund(net.as("leader1"), GB, "1", TestNet.H2));
            net.fails("FORBIDDEN", () -> net.groupBuy.RecordSupplierRefund(net.as("supplier2"), GB, "1",
                    TestNet.H2));
            net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, "1", TestNet.H2);
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("supplierRefund", GB, net.stub.getTxId()));
        }

        @Test
        void withoutASupplierRefundSettleIsRefusedAfterPayingTheSupplierAndRefundingAHousehold() {
            paidSupplierThenRefundedAnUndeliverableOrder();
            assertThatThrownBy(() -> net.groupBuy.Settle(net.as("committee1"), GB)).hasMessage(
                    "[INVALID_STATE] money does not reconcile: collected 16500 + supplier refunds 0 = supplier 16100 "
                            + "+ refunds 9500 + leader fee -9100, and the fee must be 0-210 (3% of 7000 delivered); "
                            + "record the missing payments or refunds");
            assertThat(net.status()).isEqualTo(GroupBuyStatus.COMPLETED);
        }

        @Test
        void theSupplierRefundLetsSettleReconcileWithExactFigures() {
            paidSupplierThenRefundedAnUndeliverableOrder();
            net.refundFromSupplier("9300");
            net.groupBuy.Settle(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SETTLED);
            final var s = net.record("groupbuy", GB).getAsJsonObject("settlement");
            assertThat(new long[] {s.get("collectedCents").getAsLong(), s.get("supplierPaidCents").getAsLong(),
                s.get("supplierRefundedCents").getAsLong(), s.get("refundedCents").getAsLong(),
                s.get("leaderFeeCents").getAsLong(), s.get("deliveredGoodsCents").getAsLong(),
                s.get("feeCapCents").getAsLong()}).containsExactly(16500, 16100, 9300, 9500, 200, 7000, 210);
            net.fails("INVALID_STATE", () -> net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, "1",
                    TestNet.H2));
        }
    }

    @Nested
    class Disputes {
        @Test
        void onlyDeliveredOrdersAreDisputedAndOnlyTheCommitteeRules() {
            net.delivering();
            net.fails("INVALID_STATE", () -> net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-002", "late", "100"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-001", "x", "7001"));
            net.fails("FORBIDDEN", () -> net.groupBuy.OpenDispute(net.as("volunteer1"), GB, "H-001", "x", "100"));
            final String id = JsonParser.parseString(net.groupBuy.OpenDispute(net.as("committee1"), GB, "H-001",
                    "wrong goods", "1000")).getAsJsonObject().get("id").getAsString();
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("dispute", id), FakeStub.key("gbDispute", GB, id));
            net.fails("FORBIDDEN", () -> net.groupBuy.RuleDispute(net.as("leader1"), id, "REJECTED", "0", ""));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RuleDispute(net.as("committee1"), id, "UPHELD", "1001", "SUPPLIER"));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RuleDispute(net.as("committee1"), id, "REJECTED", "5", ""));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RuleDispute(net.as("committee1"), id, "MAYBE", "0", ""));
            net.groupBuy.RuleDispute(net.as("committee1"), id, "UPHELD", "1000", "COURIER");
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("partyDispute", "CourierMSP/courier1", id));
            net.fails("INVALID_STATE", () -> net.groupBuy.RuleDispute(net.as("committee1"), id, "REJECTED", "0", ""));
            net.fails("NOT_FOUND", () -> net.groupBuy.RuleDispute(net.as("committee1"), "D-none", "REJECTED", "0", ""));
        }

        private String open(final String household, final String claim) {
            return JsonParser.parseString(net.groupBuy.OpenDispute(net.as("committee1"), GB, household, "spoiled",
                    claim)).getAsJsonObject().get("id").getAsString();
        }

        @Test
        void anOrderHasAtMostOneOpenDisputeAndTheRefusalNamesIt() {
            net.to(GroupBuyStatus.COMPLETED);
            final String first = open("H-001", "1000");
            net.fails("CONFLICT", () -> net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-001", "again", "500"));
            assertThatThrownBy(() -> net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-001", "again", "500"))
                    .hasMessage("[CONFLICT] household H-001 of GB-1 already has open dispute " + first
                            + "; the committee must RuleDispute it before another is opened");
            final String other = open("H-002", "1000");
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("dispute", other));
            net.groupBuy.RuleDispute(net.as("committee1"), first, "REJECTED", "0", "");
            final String second = open("H-001", "500");
            assertThat(second).isNotEqualTo(first);
            assertThat(net.record("dispute", second).get("status").getAsString()).isEqualTo("DISPUTED");
        }

        @Test
        void anUpheldRefundIsAtMostWhatTheHouseholdPaidLessWhatItHadBack() {
            net.to(GroupBuyStatus.COMPLETED);
            net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-001", "2000", TestNet.H1);
            final String id = open("H-001", "7000");
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RuleDispute(net.as("committee1"), id, "UPHELD", "5001",
                    "SUPPLIER"));
            assertThatThrownBy(() -> net.groupBuy.RuleDispute(net.as("committee1"), id, "UPHELD", "5001", "SUPPLIER"))
                    .hasMessage("[INVALID_ARGUMENT] an upheld dispute refunds at most 5000 cents to household H-001: "
                            + "it paid 7000, has had 2000 back and earlier upheld disputes awarded it 0; rule a smaller "
                            + "refund, or record its payment first");
            net.groupBuy.RuleDispute(net.as("committee1"), id, "UPHELD", "5000", "SUPPLIER");
            assertThat(net.record("dispute", id).get("refundCents").getAsLong()).isEqualTo(5000);
        }

        @Test
        void earlierAwardsNotYetRefundedCountAgainstTheNextSoSettleStaysReachable() {
            net.to(GroupBuyStatus.COMPLETED);
            final String first = open("H-001", "7000");
            net.groupBuy.RuleDispute(net.as("committee1"), first, "UPHELD", "6000", "SUPPLIER");
            final String second = open("H-001", "7000");
            assertThatThrownBy(() -> net.groupBuy.RuleDispute(net.as("committee1"), second, "UPHELD", "1001",
                    "LEADER")).hasMessage("[INVALID_ARGUMENT] an upheld dispute refunds at most 1000 cents to "
                            + "household H-001: it paid 7000, has had 0 back and earlier upheld disputes awarded it "
                            + "6000; rule a smaller refund, or record its payment first");
            net.groupBuy.RuleDispute(net.as("committee1"), second, "UPHELD", "1000", "LEADER");
            final String third = open("H-001", "1");
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RuleDispute(net.as("committee1"), third, "UPHELD", "1",
                    "LEADER"));
            net.groupBuy.RuleDispute(net.as("committee1"), third, "REJECTED", "0", "");
            net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-001", "7000", TestNet.H2);
            net.paySupplier("9100");
            net.groupBuy.Settle(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SETTLED);
            assertThat(net.record("groupbuy", GB).getAsJsonObject("settlement").get("refundedCents").getAsLong())
                    .isEqualTo(7000);
        }
    }
}
