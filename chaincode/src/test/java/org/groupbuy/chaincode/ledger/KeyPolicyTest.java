package org.groupbuy.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.groupbuy.chaincode.PolicyText;
import org.groupbuy.chaincode.domain.StepEndorsement;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.junit.jupiter.api.Test;

class KeyPolicyTest {
    private static final List<String> FIVE = List.of("CommitteeMSP", "CourierMSP", "LeaderMSP", "RegulatorMSP",
            "SupplierMSP");
    private static StepEndorsement step(final List<String> members, final int quorum, final String... required) {
        return new StepEndorsement(new TreeSet<>(members), quorum, new TreeSet<>(List.of(required)));
    }

    @Test
    void isEachRequiredOrgsPeerAndEnoughOtherPeersForAMajorityOfDistinctOrgs() {
        assertThat(PolicyText.of(KeyPolicy.bytes(step(FIVE, 3, "LeaderMSP", "CommitteeMSP"))))
                .isEqualTo("3of(CommitteeMSP.peer,LeaderMSP.peer,1of(CourierMSP.peer,RegulatorMSP.peer,"
                        + "SupplierMSP.peer))");
        assertThat(PolicyText.of(KeyPolicy.bytes(step(FIVE, 3, "CommitteeMSP"))))
                .isEqualTo("2of(CommitteeMSP.peer,2of(CourierMSP.peer,LeaderMSP.peer,RegulatorMSP.peer,"
                        + "SupplierMSP.peer))");
    }

    @Test
    void asManyRequiredOrgsAsAMajorityOrMoreNeedNoOthers() {
        assertThat(PolicyText.of(KeyPolicy.bytes(step(FIVE, 3, "CommitteeMSP", "CourierMSP", "LeaderMSP"))))
                .isEqualTo("3of(CommitteeMSP.peer,CourierMSP.peer,LeaderMSP.peer)");
        assertThat(PolicyText.of(KeyPolicy.bytes(step(FIVE, 3, "CommitteeMSP", "CourierMSP", "LeaderMSP",
                "SupplierMSP")))).isEqualTo("4of(CommitteeMSP.peer,CourierMSP.peer,LeaderMSP.peer,SupplierMSP.peer)");
    }

    @Test
    void namesEachMemberOnceAsAPeerRoleInSortedOrder() throws Exception {
        final SignaturePolicyEnvelope envelope = SignaturePolicyEnvelope.parseFrom(
                KeyPolicy.bytes(step(FIVE, 3, "SupplierMSP")));
        assertThat(envelope.getVersion()).isZero();
        final List<String> ids = new java.util.ArrayList<>();
        for (final MSPPrincipal p : envelope.getIdentitiesList()) {
            assertThat(p.getPrincipalClassification()).isEqualTo(MSPPrincipal.Classification.ROLE);
            final MSPRole role = MSPRole.parseFrom(p.getPrincipal());
            assertThat(role.getRole()).isEqualTo(MSPRole.MSPRoleType.PEER);
            ids.add(role.getMspIdentifier());
        }
        assertThat(ids).containsExactlyElementsOf(FIVE);
        assertThat(envelope.getRule().getNOutOf().getN()).isEqualTo(2);
        assertThat(envelope.getRule().getNOutOf().getRules(0).getSignedBy()).isEqualTo(4);
    }

    @Test
    void handsOutACopyOfTheBytesItBuiltOnceSoNoCallerCanChangeWhatAnotherWrites() {
        final byte[] first = KeyPolicy.bytes(step(FIVE, 3, "LeaderMSP", "CommitteeMSP"));
        final byte[] expected = first.clone();
        first[0] ^= 0x7f;
        final byte[] second = KeyPolicy.bytes(step(FIVE, 3, "CommitteeMSP", "LeaderMSP"));
        assertThat(second).isNotSameAs(first).isEqualTo(expected);
    }

    @Test
    void givesTheSameBytesWhateverTheOrderTheOrgsCameIn() {
        final java.util.SortedSet<String> backwards = new TreeSet<>(java.util.Comparator.reverseOrder());
        backwards.addAll(FIVE);
        final StepEndorsement a = new StepEndorsement(new TreeSet<>(backwards), 3,
                new TreeSet<>(List.of("LeaderMSP", "CommitteeMSP")));
        final StepEndorsement b = step(FIVE, 3, "CommitteeMSP", "LeaderMSP");
        assertThat(KeyPolicy.bytes(a)).isEqualTo(KeyPolicy.bytes(b));
    }

    @Test
    void aSixthOrgRaisesTheMajorityToFour() {
        final List<String> six = List.of("CommitteeMSP", "CourierMSP", "FreshFarmMSP", "LeaderMSP", "RegulatorMSP",
                "SupplierMSP");
        assertThat(PolicyText.of(KeyPolicy.bytes(step(six, 4, "FreshFarmMSP"))))
                .isEqualTo("2of(FreshFarmMSP.peer,3of(CommitteeMSP.peer,CourierMSP.peer,LeaderMSP.peer,"
                        + "RegulatorMSP.peer,SupplierMSP.peer))");
    }
}
