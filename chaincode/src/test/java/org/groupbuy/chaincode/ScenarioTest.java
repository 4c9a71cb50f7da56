package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole group buys on the in-memory ledger. */
class ScenarioTest {
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
    }

    @Test
    void settlingPurgesTheHouseholdsDetailsFromTheCollection() {
        net.to(GroupBuyStatus.COMPLETED);
        net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details("{\"H-001\":{\"name\":\"A\",\"phone\":\"1\","
                + "\"address\":\"B\",\"salt\":\"00112233445566778899aabbccddeeff\"}}")), GB);
        assertThat(net.stub.privateData.get("householdDetails")).hasSize(1);
        net.paySupplier("16100");
        net.groupBuy.Settle(net.as("committee1"), GB);
        assertThat(net.stub.txPrivateWrites).containsOnlyKeys("householdDetails|" + FakeStub.key("details", GB, "H-001"),
                "householdDetails|" + FakeStub.key("details", GB, "H-002"),
                "householdDetails|" + FakeStub.key("detailsBatch", GB, "H-001"));
        assertThat(net.stub.privateData.get("householdDetails")).isEmpty();
        assertThatThrownBy(() -> net.audit.GetHouseholdDetails(net.as("committee1"), GB, "H-001")).hasMessage(
                "[NOT_FOUND] the details of household H-001 of GB-1 were purged when it became SETTLED");
    }

    @Test
    void aGroupBuyRunsFromOpeningToSettlementAndMoneyReconciles() {
        net.to(GroupBuyStatus.SETTLED);
        final var settlement = net.record("groupbuy", GB).getAsJsonObject("settlement");
        assertThat(settlement.toString()).isEqualTo("{\"collectedCents\":16500,\"supplierPaidCents\":16100,"
                + "\"supplierRefundedCents\":0,\"refundedCents\":0,\"leaderFeeCents\":400,\"deliveredGoodsCents\":16500,\"feePercent\":3,"
                + "\"feeCapCents\":495}");
        assertThat(net.lastEventName()).isEqualTo("GroupBuySettled");
        final JsonArray trace = JsonParser.parseString(net.audit.Trace(net.as("regulator1"), GB)).getAsJsonArray();
        assertThat(trace).extracting(e -> e.getAsJsonObject().get("type").getAsString()).containsSubsequence(
                "GroupBuyOpened", "GroupBuyApproved", "HouseholdOrdersAdded", "GroupBuyClosed", "GroupBuyAccepted",
                "GroupBuyPacked", "ArrivalRequested", "ArrivalApproved", "GroupBuyDispatched", "GroupBuyArrived",
                "GroupBuyDisinfected", "HouseholdDelivered", "HouseholdDelivered", "GroupBuyCompleted",
                "SupplierPaymentRecorded", "GroupBuySettled");
        assertThat(net.record("order", GB, "H-002").get("proxy").getAsBoolean()).isTrue();
        assertThat(net.record("order", GB, "H-001").get("proxy").getAsBoolean()).isFalse();
        assertThat(trace).filteredOn(e -> e.getAsJsonObject().get("type").getAsString().equals("HouseholdDelivered"))
                .extracting(e -> e.getAsJsonObject().get("household").getAsString() + " "
                        + e.getAsJsonObject().get("details"))
                .containsExactly("H-001 {}", "H-002 {\"proxy\":\"true\"}");
    }

    @Test
    void belowTheSuppliersMinimumTheGroupBuyFailsAndEveryPaymentIsRefundable() {
        net.community();
        net.commitments();
        net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 50));
        net.groupBuy.Approve(net.as("committee1"), GB);
        net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
        net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "7000", TestNet.H1);
        net.groupBuy.Close(net.as("leader1"), GB);
        assertThat(net.status()).isEqualTo(GroupBuyStatus.FAILED);
        assertThat(net.record("groupbuy", GB).get("failureCause").getAsString()).isEqualTo("BELOW_MINIMUM");
        net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-001", "7001", TestNet.H2));
        net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-001", "7000", TestNet.H2);
        assertThat(net.record("order", GB, "H-001").get("status").getAsString()).isEqualTo("REFUNDED");
        assertThat(net.record("order", GB, "H-002").get("status").getAsString()).isEqualTo("JOINED");
    }

    @Test
    void aSupplierRejectionFailsTheGroupBuy() {
        net.to(GroupBuyStatus.SUBMITTED);
        net.groupBuy.Reject(net.as("supplier1"), GB, "out of stock");
        assertThat(net.status()).isEqualTo(GroupBuyStatus.FAILED);
        assertThat(net.record("groupbuy", GB).get("failureCause").getAsString()).isEqualTo("SUPPLIER_REJECTED");
        assertThat(net.lastEventName()).isEqualTo("GroupBuyRejected");
    }

    @Test
    void aPositiveTestQuarantinesTheGoodsAndDestroyingThemFailsTheGroupBuy() {
        net.to(GroupBuyStatus.IN_TRANSIT);
        net.groupBuy.ReportIncident(net.as("courier1"), GB, "POSITIVE_TEST", TestNet.H3);
        assertThat(net.status()).isEqualTo(GroupBuyStatus.QUARANTINED);
        net.groupBuy.ResolveIncident(net.as("committee1"), GB, "DESTROY");
        assertThat(net.status()).isEqualTo(GroupBuyStatus.FAILED);
        assertThat(net.record("groupbuy", GB).get("failureCause").getAsString()).isEqualTo("DESTROYED");
        net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-002", "9500", TestNet.H1);
        assertThat(net.record("order", GB, "H-002").get("status").getAsString()).isEqualTo("REFUNDED");
        final String cited = net.audit.VerifyEvidence(net.as("regulator1"), TestNet.H3);
        assertThat(cited).contains("\"cited\":true").contains("IncidentReported").contains("GroupBuyPacked");
    }

    @Test
    void aReleasedQuarantineReturnsToWhereTheGoodsWere() {
        net.to(GroupBuyStatus.IN_TRANSIT);
        net.groupBuy.ReportIncident(net.as("committee1"), GB, "POSITIVE_TEST", TestNet.H3);
        net.groupBuy.ResolveIncident(net.as("committee1"), GB, "RELEASE");
        assertThat(net.status()).isEqualTo(GroupBuyStatus.IN_TRANSIT);
    }

    @Test
    void anUpheldDisputeMustBeRefundedBeforeSettlementAndCountsAgainstTheSupplier() {
        net.to(GroupBuyStatus.COMPLETED);
        final String opened = net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-001", "spoiled vegetables", "3500");
        final String id = JsonParser.parseString(opened).getAsJsonObject().get("id").getAsString();
        net.paySupplier("12600");
        net.fails("INVALID_STATE", () -> net.groupBuy.Settle(net.as("leader1"), GB));
        net.groupBuy.RuleDispute(net.as("committee1"), id, "UPHELD", "3500", "SUPPLIER");
        net.fails("INVALID_STATE", () -> net.groupBuy.Settle(net.as("leader1"), GB));
        net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-001", "3500", TestNet.H2);
        net.groupBuy.Settle(net.as("leader1"), GB);
        assertThat(net.status()).isEqualTo(GroupBuyStatus.SETTLED);
        assertThat(net.record("groupbuy", GB).getAsJsonObject("settlement").get("leaderFeeCents").getAsLong())
                .isEqualTo(400);
        final String record = net.audit.PartyRecord(net.as("regulator1"), "SupplierMSP/supplier1");
        assertThat(record).contains("\"disputesUpheld\":1").contains("\"completed\":1").contains("\"onTimePercent\":100");
    }

    @Test
    void theArrivalQueueServesGuaranteeGoodsBeforeImprovementGoods() {
        net.to(GroupBuyStatus.PACKED);
        net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson("GB-2", "IMPROVEMENT", 1));
        net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson("GB-3", "GUARANTEE", 1));
        for (final String id : new String[] {"GB-2", "GB-3"}) {
            net.groupBuy.Approve(net.as("committee1"), id);
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), id, "[" + TestNet.order("H-1",
                    "{\"sku\":\"MILK\",\"quantity\":1}") + "]");
            net.groupBuy.Close(net.as("leader1"), id);
            net.groupBuy.Accept(net.as("supplier1"), id, "2026-04-11T06:00:00Z");
        }
        net.groupBuy.RequestArrival(net.as("leader1"), "GB-2", "2026-04-11T08:00:00Z");
        net.groupBuy.RequestArrival(net.as("leader1"), "GB-3", "2026-04-11T10:00:00Z");
        net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-11T09:00:00Z");
        final JsonArray queue = JsonParser.parseString(net.groupBuy.ArrivalQueue(net.as("regulator1"), "C1",
                "2026-04-11")).getAsJsonArray();
        assertThat(queue).extracting(e -> e.getAsJsonObject().get("groupBuyId").getAsString())
                .containsExactly(GB, "GB-3", "GB-2");
        net.groupBuy.ApproveArrival(net.as("committee1"), GB);
        net.fails("CONFLICT", () -> net.groupBuy.ApproveArrival(net.as("committee1"), "GB-2"));
        net.groupBuy.ApproveArrival(net.as("committee1"), "GB-3");
        net.fails("CONFLICT", () -> net.groupBuy.ApproveArrival(net.as("committee1"), "GB-2"));
    }
}
