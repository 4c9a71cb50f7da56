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
import org.groupbuy.client.ledger.Transaction;

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
        leader.submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb.id, gb.orders(Map.of("H-001", 2)));
        leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-001", "7000", GroupBuyFixture.hash("pay " + gb.id));
        leader.submitPrivate(Transaction.PUT_HOUSEHOLD_DETAILS, DETAILS, BOTH, gb.id);

        String alone = leader.refusedPrivate(Transaction.PUT_HOUSEHOLD_DETAILS, DETAILS.replace("Li Na", "Forged Name"),
                new String[] {"LeaderMSP"}, gb.id);
        System.out.println("details endorsed by LeaderMSP alone: " + alone);
        assertThat(alone).contains("ENDORSEMENT_POLICY_FAILURE");
        assertThat(committee.evaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001").getAsJsonObject().get("name")
                .getAsString()).isEqualTo("Li Na");

        leader.submit(Transaction.CLOSE, gb.id);
        TestCommunity.supplier().submit(Transaction.ACCEPT, gb.id,
                Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        TestCommunity.supplier().submit(Transaction.PACK, gb.id, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"P-" + gb.id
                + "\",\"quantity\":2}],\"evidenceHashes\":[\"" + GroupBuyFixture.hash("inspection " + gb.id) + "\"]}");
        leader.submit(Transaction.REQUEST_ARRIVAL, gb.id, TestCommunity.slotDay() + "T10:00:00Z");
        committee.submit(Transaction.APPROVE_ARRIVAL, gb.id);
        TestCommunity.courier().submit(Transaction.DISPATCH, gb.id, "{\"passNumber\":\"SH-PASS-P\",\"vehicle\":\"HU-P01\","
                + "\"driverHealthCheckHash\":\"" + GroupBuyFixture.hash("driver " + gb.id) + "\"}");
        TestCommunity.volunteer().submit(Transaction.ARRIVE, gb.id, "{\"received\":[{\"sku\":\"RICE-5KG\",\"quantity\":2}],"
                + "\"staff\":[{\"staffRef\":\"V-7\",\"temperatureCheckHash\":\"" + GroupBuyFixture.hash("t " + gb.id) + "\"}]}");
        TestCommunity.volunteer().submit(Transaction.DISINFECT, gb.id, "chlorine spray", "0");
        TestCommunity.volunteer().submit(Transaction.DELIVER, gb.id, "H-001", gb.code("H-001"));
        committee.submit(Transaction.COMPLETE, gb.id);
        // 2 x 35.00 delivered, fee cap 3% = 2.10: the leader keeps 2.00
        TestCommunity.paySupplier(gb.id, 6800);
        assertThat(leader.submit(Transaction.SETTLE, gb.id).getAsJsonObject().get("status").getAsString())
                .isEqualTo("SETTLED");

        // each member org reads through its own peer: the leader's and the committee's store no longer hold them
        for (Ledger member : new Ledger[] {leader, committee}) {
            String gone = member.refusedEvaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001");
            System.out.println("after Settle, " + member.party() + "'s peer: " + gone);
            assertThat(gone).startsWith("[NOT_FOUND] the details of household H-001 of " + gb.id
                    + " were purged when it became SETTLED");
        }
        assertThat(leader.refusedPrivate(Transaction.PUT_HOUSEHOLD_DETAILS, DETAILS, BOTH, gb.id))
                .startsWith("[INVALID_STATE]");
    }
}
