package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.chaincode.TestNet.GB;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each write of a record a party's step changes sets the key's endorsement policy for its next change (state-based
 * endorsement), which the peers then check instead of the chaincode's MAJORITY.
 */
class StepEndorsementContractTest {
    private static final String LEADER_AND_COMMITTEE = "3of(CommitteeMSP.peer,LeaderMSP.peer,"
            + "1of(CourierMSP.peer,RegulatorMSP.peer,SupplierMSP.peer))";
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
    }

    /** The policies the last transaction set, by key, as text. */
    private Map<String, String> lastPolicies() {
        final Map<String, String> out = new TreeMap<>();
        net.stub.txPolicies.forEach((k, v) -> out.put(k, PolicyText.of(v)));
        return out;
    }

    @Test
    void openLocksTheGroupBuyToItsCommitteeAndLeaderUntilApproved() {
        net.to(GroupBuyStatus.PENDING_APPROVAL);
        assertThat(lastPolicies()).containsExactlyEntriesOf(
                Map.of(FakeStub.key("groupbuy", GB), LEADER_AND_COMMITTEE));
    }

    @Test
    void closeHandsTheGroupBuyToTheSupplierAndLeaderAndLeavesEachOrderWithLeaderAndCommittee() {
        net.to(GroupBuyStatus.SUBMITTED);
        assertThat(lastPolicies()).containsExactlyEntriesOf(Map.of(
                FakeStub.key("groupbuy", GB), "3of(LeaderMSP.peer,SupplierMSP.peer,1of(CommitteeMSP.peer,CourierMSP.peer,RegulatorMSP.peer))"));
        assertThat(PolicyText.of(net.stub.policies.get(FakeStub.key("order", GB, "H-001")))).isEqualTo(LEADER_AND_COMMITTEE);
    }

    @Test
    void dispatchAddsTheCourierWhoTookTheGoods() {
        net.to(GroupBuyStatus.IN_TRANSIT);
        assertThat(net.stub.policies.get(FakeStub.key("groupbuy", GB))).satisfies(p -> assertThat(PolicyText.of(p))
                .isEqualTo("4of(CommitteeMSP.peer,CourierMSP.peer,LeaderMSP.peer,SupplierMSP.peer)"));
    }

    @Test
    void aSettledGroupBuyStaysLockedToItsLeaderAndCommittee() {
        net.to(GroupBuyStatus.SETTLED);
        assertThat(PolicyText.of(net.stub.policies.get(FakeStub.key("groupbuy", GB))))
                .isEqualTo(LEADER_AND_COMMITTEE);
    }

    @Test
    void theCommitteesCountersignGivesTheRegulatorASayInTheNextChange() {
        net.community();
        net.commitments();
        assertThat(PolicyText.of(net.stub.policies.get(FakeStub.key("commitment", "CM-S1"))))
                .isEqualTo("3of(CommitteeMSP.peer,RegulatorMSP.peer,"
                        + "1of(CourierMSP.peer,LeaderMSP.peer,SupplierMSP.peer))");
    }

    @Test
    void paymentsTracesAndIndexesKeepTheChaincodePolicy() {
        net.to(GroupBuyStatus.OPEN);
        net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
        net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "7000", TestNet.H1);
        assertThat(net.stub.txWrites).hasSizeGreaterThan(1);
        assertThat(List.copyOf(net.stub.txPolicies.keySet())).isEmpty();
    }
}
