package org.groupbuy.e2e.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.groupbuy.e2e.GroupBuyFixture;
import org.groupbuy.e2e.Ledger;
import org.groupbuy.e2e.TestCommunity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The private details on the real network: only both owners write them (the collection's endorsement policy is
 * AND of LeaderMSP and CommitteeMSP peers), and Settle purges them from both member peers' stores.
 */
@Tag("e2e")
class PrivateDetailsE2eTest {
    private static final String[] BOTH = {"LeaderMSP", "CommitteeMSP"};
    private static final String DETAILS = "{\"H-001\":{\"name\":\"Li Na\",\"phone\":\"13700001111\",\"address\":"
            + "\"Building 2 Room 101\",\"salt\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\"}}";

    @Test
    void aWriteEndorsedByTheLeaderAloneIsInvalidAndSettlePurgesTheDetailsFromBothPeers() {
        Ledger leader = TestCommunity.leader();
        Ledger committee = TestCommunity.committee();
        GroupBuyFixture gb = GroupBuyFixture.open("purge", true);
        leader.submit("GroupBuy:AddHouseholdOrders", gb.id, gb.orders(Map.of("H-001", 2)));
        leader.submit("GroupBuy:RecordPayment", gb.id, "H-001", "7000", GroupBuyFixture.hash("pay " + gb.id));
        leader.submitPrivate("GroupBuy:PutHouseholdDetails", DETAILS, BOTH, gb.id);

        String alone = leader.refusedPrivate("GroupBuy:PutHouseholdDetails", DETAILS.replace("Li Na", "Forged Name"),
                new String[] {"LeaderMSP"}, gb.id);
        System.out.println("details endorsed by LeaderMSP alone: " + alone);
        assertThat(alone).contains("ENDORSEMENT_POLICY_FAILURE");
        assertThat(committee.evaluate("Audit:GetHouseholdDetails", gb.id, "H-001").getAsJsonObject().get("name")
                .getAsString()).isEqualTo("Li Na");

        leader.submit("GroupBuy:Close", gb.id);
        TestCommunity.supplier().submit("GroupBuy:Accept", gb.id,
                Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        TestCommunity.supplier().submit("GroupBuy:Pack", gb.id, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"P-" + gb.id
                + "\",\"quantity\":2}],\"evidenceHashes\":[\"" + GroupBuyFixture.hash("inspection " + gb.id) + "\"]}");
        leader.submit("GroupBuy:RequestArrival", gb.id, TestCommunity.slotDay() + "T10:00:00Z");
        committee.submit("GroupBuy:ApproveArrival", gb.id);
        TestCommunity.courier().submit("GroupBuy:Dispatch", gb.id, "{\"passNumber\":\"SH-PASS-P\",\"vehicle\":\"HU-P01\","
                + "\"driverHealthCheckHash\":\"" + GroupBuyFixture.hash("driver " + gb.id) + "\"}");
        TestCommunity.volunteer().submit("GroupBuy:Arrive", gb.id, "{\"received\":[{\"sku\":\"RICE-5KG\",\"quantity\":2}],"
                + "\"staff\":[{\"staffRef\":\"V-7\",\"temperatureCheckHash\":\"" + GroupBuyFixture.hash("t " + gb.id) + "\"}]}");
        TestCommunity.volunteer().submit("GroupBuy:Disinfect", gb.id, "chlorine spray", "0");
        TestCommunity.volunteer().submit("GroupBuy:Deliver", gb.id, "H-001", gb.code("H-001"));
        committee.submit("GroupBuy:Complete", gb.id);
        // 2 x 35.00 delivered, fee cap 3% = 2.10: the leader keeps 2.00
        leader.submit("GroupBuy:RecordSupplierPayment", gb.id, "6800", GroupBuyFixture.hash("supplier " + gb.id));
        assertThat(leader.submit("GroupBuy:Settle", gb.id).getAsJsonObject().get("status").getAsString())
                .isEqualTo("SETTLED");

        // each member org reads through its own peer: the leader's and the committee's store no longer hold them
        for (Ledger member : new Ledger[] {leader, committee}) {
            String gone = member.refusedEvaluate("Audit:GetHouseholdDetails", gb.id, "H-001");
            System.out.println("after Settle, " + member.party() + "'s peer: " + gone);
            assertThat(gone).startsWith("[NOT_FOUND] the details of household H-001 of " + gb.id
                    + " were purged when it became SETTLED");
        }
        assertThat(leader.refusedPrivate("GroupBuy:PutHouseholdDetails", DETAILS, BOTH, gb.id))
                .startsWith("[INVALID_STATE]");
    }
}
