package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Arrival slots of hand-over point HP1 (2 a day) on 2026-04-11 when a group buy with a request is destroyed: its
 * request is withdrawn, so it blocks no slot, and it can no longer be approved.
 */
class ArrivalSlotsContractTest {
    private static final String DAY = "2026-04-11";
    private static final String SLOT = DAY + "T09:00:00Z";
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet().to(GroupBuyStatus.PACKED);
        net.groupBuy.RequestArrival(net.as("leader1"), GB, SLOT);
    }

    /** Opens another group buy of leader1 and drives it to PACKED with a pending request for the same slot. */
    private void packedWithRequest(final String id, final String category) {
        net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(id, category, 3));
        net.groupBuy.Approve(net.as("committee1"), id);
        net.groupBuy.AddHouseholdOrders(net.as("leader1"), id, TestNet.ORDERS);
        net.groupBuy.Close(net.as("leader1"), id);
        net.groupBuy.Accept(net.as("supplier1"), id, "2026-04-11T06:00:00Z");
        net.groupBuy.Pack(net.as("supplier1"), id, TestNet.PACK);
        net.groupBuy.RequestArrival(net.as("leader1"), id, SLOT);
    }

    private void destroyGb1() {
        net.groupBuy.ReportIncident(net.as("supplier1"), GB, "POSITIVE_TEST", TestNet.H1);
        net.groupBuy.ResolveIncident(net.as("committee1"), GB, "DESTROY");
    }

    /** The request of {@code id} is refused a slot while GB-1 holds its request, and approved once GB-1 is destroyed. */
    private void blockedUntilGb1IsDestroyed(final String id) {
        net.fails("CONFLICT", () -> net.groupBuy.ApproveArrival(net.as("committee1"), id));
        destroyGb1();
        net.groupBuy.ApproveArrival(net.as("committee1"), id);
        assertThat(arrivalStatus(id)).isEqualTo("APPROVED");
    }

    private String arrivalStatus(final String id) {
        return net.record("arrival", "C1", DAY, id).get("status").getAsString();
    }

    @Nested
    class ResolveIncidentDestroy {
        @Test
        void withdrawsThePendingRequestOfTheDestroyedGroupBuy() {
            destroyGb1();
            assertThat(net.stub.txWrites).containsEntry(FakeStub.key("arrival", "C1", DAY, GB), null);
            assertThat(net.stub.txEvents.get(0)[1]).contains("\"arrivalWithdrawn\":\"" + SLOT + "\"");
            assertThat(net.stub.get("arrival", "C1", DAY, GB)).isNull();
        }

        @Test
        void aDestroyedGuaranteeRequestNoLongerHoldsBackAnImprovementRequest() {
            packedWithRequest("GB-G2", "GUARANTEE");
            net.groupBuy.ApproveArrival(net.as("committee1"), "GB-G2");
            packedWithRequest("GB-I3", "IMPROVEMENT");
            blockedUntilGb1IsDestroyed("GB-I3");
        }

        @Test
        void aDestroyedGroupBuysApprovedSlotIsGivenBack() {
            net.groupBuy.ApproveArrival(net.as("committee1"), GB);
            packedWithRequest("GB-G2", "GUARANTEE");
            net.groupBuy.ApproveArrival(net.as("committee1"), "GB-G2");
            packedWithRequest("GB-G3", "GUARANTEE");
            blockedUntilGb1IsDestroyed("GB-G3");
        }

        @Test
        void releasedGoodsKeepTheirRequest() {
            net.groupBuy.ReportIncident(net.as("supplier1"), GB, "POSITIVE_TEST", TestNet.H1);
            net.groupBuy.ResolveIncident(net.as("committee1"), GB, "RELEASE");
            assertThat(net.stub.txWrites).doesNotContainKey(FakeStub.key("arrival", "C1", DAY, GB));
            assertThat(arrivalStatus(GB)).isEqualTo("PENDING");
        }
    }

    @Nested
    class ApproveArrival {
        @Test
        void aDestroyedGroupBuyGetsNoSlot() {
            destroyGb1();
            net.fails("INVALID_STATE", () -> net.groupBuy.ApproveArrival(net.as("committee1"), GB));
            assertThatThrownBy(() -> net.groupBuy.ApproveArrival(net.as("committee1"), GB))
                    .hasMessage("[INVALID_STATE] group buy GB-1 is FAILED; ApproveArrival needs a group buy that has "
                            + "not failed or been cancelled");
        }

        @Test
        void onlyTheCommitteeIsToldTheGroupBuyFailed() {
            destroyGb1();
            net.fails("FORBIDDEN", () -> net.groupBuy.ApproveArrival(net.as("volunteer1"), GB));
        }
    }
}
