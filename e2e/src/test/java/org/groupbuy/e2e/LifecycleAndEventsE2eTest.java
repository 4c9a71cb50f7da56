package org.groupbuy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.ledger.Transaction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole group buy from Open to SETTLED on the real network, watched by the CLI's event watch with a
 * checkpoint file: the watch runs, stops, misses a stretch of steps, resumes from the checkpoint, and
 * in the end has received every event of the group buy exactly once, in ledger order.
 */
@Tag("e2e")
class LifecycleAndEventsE2eTest {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aGroupBuyRunsToSettledAndTheWatchResumesFromItsCheckpointMissingNothing() throws Exception {
        TestCommunity.ready();
        Ledger leader = TestCommunity.leader();
        Ledger committee = TestCommunity.committee();
        Ledger volunteer = TestCommunity.volunteer();
        Ledger supplier = TestCommunity.supplier();
        Ledger courier = TestCommunity.courier();
        Path checkpoint = dir.resolve("watch-checkpoint.json");
        List<EventRecorder.Seen> received = new ArrayList<>();

        // ---- phase 1: the watch runs while the group buy opens and households order and pay
        GroupBuyFixture gb;
        try (EventRecorder watch = EventRecorder.start(committee, checkpoint)) {
            gb = GroupBuyFixture.open("life", true);
            assertThat(gb.status()).isEqualTo("OPEN");
            Map<String, Integer> rice = new LinkedHashMap<>();
            rice.put("H-001", 2);
            rice.put("H-002", 1);
            rice.put("H-003", 1);
            leader.submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb.id, gb.orders(rice));
            leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-001", "7000", GroupBuyFixture.hash("pay 1 " + gb.id));
            leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-002", "3500", GroupBuyFixture.hash("pay 2 " + gb.id));
            JsonObject lastPayment = leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-003", "3500",
                    GroupBuyFixture.hash("pay 3 " + gb.id)).getAsJsonObject();
            assertThat(lastPayment.get("groupBuyId").getAsString()).isEqualTo(gb.id);
            assertThat(lastPayment.get("kind").getAsString()).isEqualTo("PAYMENT");
            assertThat(lastPayment.get("household").getAsString()).isEqualTo("H-003");
            assertThat(lastPayment.get("amountCents").getAsLong()).isEqualTo(3500);
            assertThat(lastPayment.get("refHash").getAsString()).isEqualTo(GroupBuyFixture.hash("pay 3 " + gb.id));
            String id = gb.id;
            watch.awaitEvent(e -> e.about().equals(id) && e.name().equals("PaymentRecorded")
                    && "H-003".equals(household(e)), EVENT_WAIT);
            received.addAll(watch.about(gb.id));
        }
        assertThat(EventRecorder.names(received)).containsExactly("GroupBuyOpened", "GroupBuyApproved",
                "HouseholdOrdersAdded", "PaymentRecorded", "PaymentRecorded", "PaymentRecorded");
        assertThat(received.get(0).payload().get("actor").getAsString()).isEqualTo(leader.party());
        assertThat(received.get(0).payload().get("status").getAsString()).isEqualTo("PENDING_APPROVAL");
        assertThat(received.get(1).payload().get("actor").getAsString()).isEqualTo(committee.party());

        // ---- phase 2: nobody watches; the order goes to the supplier and onto the road
        JsonObject closed = leader.submit(Transaction.CLOSE, gb.id).getAsJsonObject();
        assertThat(closed.get("status").getAsString()).isEqualTo("SUBMITTED");
        assertThat(gb.orders().values()).extracting(o -> o.get("status").getAsString()).containsOnly("CONFIRMED");
        supplier.submit(Transaction.ACCEPT, gb.id, Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        supplier.submit(Transaction.PACK, gb.id, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"E2E-" + gb.id
                + "\",\"quantity\":4}],\"evidenceHashes\":[\"" + GroupBuyFixture.hash("inspection " + gb.id) + "\"]}");
        leader.submit(Transaction.REQUEST_ARRIVAL, gb.id, TestCommunity.slotDay() + "T09:00:00Z");
        committee.submit(Transaction.APPROVE_ARRIVAL, gb.id);
        courier.submit(Transaction.DISPATCH, gb.id, "{\"passNumber\":\"SH-PASS-E2E\",\"vehicle\":\"HU-E2E01\","
                + "\"driverHealthCheckHash\":\"" + GroupBuyFixture.hash("driver " + gb.id) + "\"}");
        JsonObject inTransit = gb.read();
        assertThat(inTransit.get("status").getAsString()).isEqualTo("IN_TRANSIT");
        assertThat(inTransit.get("courier").getAsString()).isEqualTo(courier.party());

        // ---- phase 3: the watch resumes from its checkpoint while the goods are handed over and paid for
        try (EventRecorder watch = EventRecorder.start(committee, checkpoint)) {
            volunteer.submit(Transaction.ARRIVE, gb.id, "{\"received\":[{\"sku\":\"RICE-5KG\",\"quantity\":4}],"
                    + "\"staff\":[{\"staffRef\":\"V-31\",\"temperatureCheckHash\":\"" + GroupBuyFixture.hash("temp " + gb.id) + "\"}]}");
            volunteer.submit(Transaction.DISINFECT, gb.id, "chlorine spray", "0");
            volunteer.submit(Transaction.DELIVER, gb.id, "H-001", gb.code("H-001"));
            JsonObject proxy = leader.submit(Transaction.DELIVER, gb.id, "H-002", gb.code("H-002")).getAsJsonObject();
            assertThat(proxy.get("proxy").getAsBoolean()).isTrue();
            committee.submit(Transaction.MARK_UNDELIVERABLE, gb.id, "H-003", "in a quarantine hotel");
            committee.submit(Transaction.COMPLETE, gb.id);
            leader.submit(Transaction.RECORD_REFUND, gb.id, "H-003", "3500", GroupBuyFixture.hash("refund 3 " + gb.id));
            // goods delivered: 3 x 35.00 = 105.00; fee cap 3% = 3.15; the leader keeps 3.00
            TestCommunity.paySupplier(gb.id, 10200);
            JsonObject settled = leader.submit(Transaction.SETTLE, gb.id).getAsJsonObject();
            assertThat(settled.get("status").getAsString()).isEqualTo("SETTLED");
            String id = gb.id;
            watch.awaitEvent(e -> e.about().equals(id) && e.name().equals("GroupBuySettled"), EVENT_WAIT);
            received.addAll(watch.about(gb.id));
        }

        // ---- the ledger, read back through the Gateway
        JsonObject settled = gb.read();
        assertThat(settled.get("status").getAsString()).isEqualTo("SETTLED");
        JsonObject settlement = settled.getAsJsonObject("settlement");
        assertThat(settlement.get("collectedCents").getAsLong()).isEqualTo(14000);
        assertThat(settlement.get("supplierPaidCents").getAsLong()).isEqualTo(10200);
        assertThat(settlement.get("refundedCents").getAsLong()).isEqualTo(3500);
        assertThat(settlement.get("leaderFeeCents").getAsLong()).isEqualTo(300);
        assertThat(settlement.get("deliveredGoodsCents").getAsLong()).isEqualTo(10500);
        assertThat(settlement.get("feeCapCents").getAsLong()).isEqualTo(315);
        Map<String, JsonObject> orders = gb.orders();
        assertThat(orders.get("H-001").get("status").getAsString()).isEqualTo("DELIVERED");
        assertThat(orders.get("H-002").get("status").getAsString()).isEqualTo("DELIVERED");
        assertThat(orders.get("H-002").get("proxy").getAsBoolean()).isTrue();
        assertThat(orders.get("H-003").get("status").getAsString()).isEqualTo("REFUNDED");

        // ---- every event exactly once, in ledger order: the watch agrees with the trace
        assertThat(EventRecorder.names(received)).containsExactly("GroupBuyOpened", "GroupBuyApproved",
                "HouseholdOrdersAdded", "PaymentRecorded", "PaymentRecorded", "PaymentRecorded",
                "GroupBuyClosed", "GroupBuyAccepted", "GroupBuyPacked", "ArrivalRequested", "ArrivalApproved",
                "GroupBuyDispatched",
                "GroupBuyArrived", "GroupBuyDisinfected", "HouseholdDelivered", "HouseholdDelivered",
                "HouseholdUndeliverable", "GroupBuyCompleted", "RefundRecorded", "SupplierPaymentRecorded",
                "SupplierPaymentConfirmed", "GroupBuySettled");
        assertThat(received).extracting(EventRecorder.Seen::txId).doesNotHaveDuplicates();
        List<String> traced = new ArrayList<>();
        for (JsonElement record : TestCommunity.regulator().evaluate(Transaction.TRACE, gb.id).getAsJsonArray()) {
            traced.add(record.getAsJsonObject().get("type").getAsString() + " " + record.getAsJsonObject().get("txId").getAsString());
        }
        assertThat(received).extracting(e -> e.name() + " " + e.txId()).containsExactlyElementsOf(traced);
    }

    private static String household(EventRecorder.Seen event) {
        return event.payload().has("household") ? event.payload().get("household").getAsString() : "";
    }
}
