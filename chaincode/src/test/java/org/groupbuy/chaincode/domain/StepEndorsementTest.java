package org.groupbuy.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StepEndorsementTest {
    private static final List<String> FIVE = List.of("CommitteeMSP", "CourierMSP", "LeaderMSP", "RegulatorMSP",
            "SupplierMSP");

    @Nested
    class GroupBuyRecord {
        private GroupBuy gb;

        @BeforeEach
        void parties() {
            gb = new GroupBuy();
            gb.leader = "LeaderMSP/leader1";
            gb.supplier = "SupplierMSP/supplier1";
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "PENDING_APPROVAL | CommitteeMSP,LeaderMSP",
            "OPEN             | CommitteeMSP,LeaderMSP",
            "SUBMITTED        | LeaderMSP,SupplierMSP",
            "ACCEPTED         | CommitteeMSP,LeaderMSP,SupplierMSP",
            "PACKED           | CommitteeMSP,LeaderMSP,SupplierMSP",
            "QUARANTINED      | CommitteeMSP",
            "DISINFECTED      | CommitteeMSP,LeaderMSP",
            "COMPLETED        | CommitteeMSP,LeaderMSP",
            "SETTLED          | CommitteeMSP,LeaderMSP",
            "CANCELLED        | CommitteeMSP,LeaderMSP",
            "FAILED           | CommitteeMSP,LeaderMSP",
            "DECLINED         | CommitteeMSP,LeaderMSP"})
        void needsEveryOrgThatMayTakeTheNextStep(final GroupBuyStatus status, final String orgs) {
            gb.status = status;
            final StepEndorsement e = StepEndorsement.of(gb);
            assertThat(e.required()).containsExactly(orgs.split(","));
            assertThat(e.members()).containsExactlyElementsOf(FIVE);
            assertThat(e.quorum()).isEqualTo(3);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "IN_TRANSIT | CommitteeMSP,CourierMSP,LeaderMSP,SupplierMSP",
            "ARRIVED    | CommitteeMSP,CourierMSP,SupplierMSP"})
        void needsTheCourierOnceItIsKnown(final GroupBuyStatus status, final String orgs) {
            gb.status = status;
            gb.courier = "CourierMSP/courier1";
            assertThat(StepEndorsement.of(gb).required()).containsExactly(orgs.split(","));
        }

        @Test
        void takesTheSupplierOrgFromTheRecordNotFromTheRole() {
            gb.status = GroupBuyStatus.SUBMITTED;
            gb.supplier = "FreshFarmMSP/farm1";
            final StepEndorsement e = StepEndorsement.of(gb);
            assertThat(e.required()).containsExactly("FreshFarmMSP", "LeaderMSP");
            assertThat(e.members()).containsExactly("CommitteeMSP", "CourierMSP", "FreshFarmMSP", "LeaderMSP",
                    "RegulatorMSP", "SupplierMSP");
            assertThat(e.quorum()).isEqualTo(4);
        }

        @ParameterizedTest
        @EnumSource(GroupBuyStatus.class)
        void everyStateWithANextStateHasAStepThatTakesItAndNoFinalStateHasOne(final GroupBuyStatus status) {
            assertThat(StepEndorsement.steps(status).isEmpty()).isEqualTo(status.nextNames().isEmpty());
        }
    }

    @Nested
    class OtherRecords {
        @ParameterizedTest(name = "{0} {1} needs {2}")
        @CsvSource(delimiter = '|', value = {
            "order      | JOINED        | CommitteeMSP,LeaderMSP",
            "order      | CONFIRMED     | CommitteeMSP,LeaderMSP",
            "order      | UNDELIVERABLE | LeaderMSP",
            "order      | CANCELLED     | LeaderMSP",
            "order      | DELIVERED     | CommitteeMSP,LeaderMSP",
            "order      | REFUNDED      | CommitteeMSP,LeaderMSP",
            "commitment | PENDING       | CommitteeMSP",
            "commitment | ACTIVE        | CommitteeMSP,RegulatorMSP",
            "commitment | SUSPENDED     | CommitteeMSP",
            "commitment | REVOKED       | CommitteeMSP,LeaderMSP",
            "dispute    | DISPUTED      | CommitteeMSP",
            "dispute    | UPHELD        | CommitteeMSP,LeaderMSP",
            "dispute    | REJECTED      | CommitteeMSP,LeaderMSP",
            "arrival    | PENDING       | CommitteeMSP,LeaderMSP",
            "arrival    | APPROVED      | CommitteeMSP,LeaderMSP"})
        void needTheOrgsOfTheirNextSteps(final String kind, final String state, final String orgs) {
            final StepEndorsement e = switch (kind) {
                case "order" -> StepEndorsement.of(OrderStatus.valueOf(state), null);
                case "commitment" -> StepEndorsement.of(CommitmentStatus.valueOf(state), null);
                case "dispute" -> StepEndorsement.of(DisputeStatus.valueOf(state), null);
                default -> StepEndorsement.of(ArrivalStatus.valueOf(state), null);
            };
            assertThat(e.required()).containsExactly(orgs.split(","));
            assertThat(e.members()).containsExactlyElementsOf(FIVE);
        }

        /** Close leaves the orders JOINED on the ledger (GroupBuy.confirmedAtClose): their key policy must not change. */
        @Test
        void aConfirmedOrderNeedsTheSameOrgsAsAJoinedOneSinceCloseDoesNotRewriteItsKey() {
            assertThat(StepEndorsement.of(OrderStatus.CONFIRMED, null)).isEqualTo(StepEndorsement.of(OrderStatus.JOINED, null));
        }

        @ParameterizedTest
        @EnumSource(OrderStatus.class)
        void everyNonFinalOrderStateHasAStep(final OrderStatus status) {
            assertThat(StepEndorsement.steps(status).isEmpty()).isEqualTo(status.nextNames().isEmpty());
        }
    }
}
