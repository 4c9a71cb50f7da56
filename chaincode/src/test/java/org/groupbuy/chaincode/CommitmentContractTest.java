package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitmentContractTest {
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
    }

    @Nested
    class RegisterCommunity {
        @Test
        void theCommitteeOfTheCommunityRegistersItWithDefaultApproval() {
            net.commitment.RegisterCommunity(net.as("committee1"), "C1", "Lane 12", "Pudong", TestNet.POINTS,
                    "{\"dailyCapacity\":{\"HP1\":2},\"minRestMinutes\":{\"GUARANTEE\":30,\"IMPROVEMENT\":60},"
                            + "\"maxLeaderFeePercent\":5}");
            assertThat(net.stub.txWrites).containsKey(FakeStub.key("community", "C1"));
            assertThat(net.stub.get("community", "C1")).isEqualTo("{\"id\":\"C1\",\"name\":\"Lane 12\","
                    + "\"district\":\"Pudong\",\"handoverPoints\":[{\"id\":\"HP1\",\"name\":\"North gate\"}],"
                    + "\"policy\":{\"dailyCapacity\":{\"HP1\":2},\"minRestMinutes\":{\"GUARANTEE\":30,"
                    + "\"IMPROVEMENT\":60},\"maxLeaderFeePercent\":5,\"approvalRequired\":true},"
                    + "\"registeredBy\":\"CommitteeMSP/committee1\",\"registeredAt\":\"2026-04-10T08:00:00Z\"}");
            assertThat(net.lastEventName()).isEqualTo("CommunityRegistered");
            assertThat(net.stub.txEvents.get(0)[1]).startsWith("{\"type\":\"CommunityRegistered\",\"id\":\"C1\","
                    + "\"status\":\"REGISTERED\",\"actor\":\"CommitteeMSP/committee1\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"committee2", "leader1", "volunteer1", "supplier1", "regulator1"})
        void othersAreRefused(final String who) {
            net.fails("FORBIDDEN", () -> net.commitment.RegisterCommunity(net.as(who), "C1", "n", "d",
                    TestNet.POINTS, TestNet.POLICY));
        }

        @ParameterizedTest
        @ValueSource(strings = {"admin", "impostor"})
        void identitiesWithoutAMatchingRoleAreRefused(final String who) {
            net.fails("FORBIDDEN", () -> net.commitment.RegisterCommunity(net.as(who), "C1", "n", "d",
                    TestNet.POINTS, TestNet.POLICY));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "not json", "[{\"id\":\"HP1\",\"name\":\"a\"},{\"id\":\"HP1\",\"name\":\"b\"}]",
            "[{\"id\":\"HP2\",\"name\":\"East\"}]", "[{\"id\":\"HP1\",\"name\":\"a\",\"phone\":\"1\"}]"})
        void badHandoverPointsAreRefused(final String points) {
            net.fails("INVALID_ARGUMENT", () -> net.commitment.RegisterCommunity(net.as("committee1"), "C1", "n", "d",
                    points, TestNet.POLICY));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"dailyCapacity\":{\"HP1\":0},\"minRestMinutes\":{\"GUARANTEE\":1,"
                + "\"IMPROVEMENT\":1},\"maxLeaderFeePercent\":5}", "{\"dailyCapacity\":{\"HP1\":1},\"minRestMinutes\":"
                + "{\"GUARANTEE\":1},\"maxLeaderFeePercent\":5}", "{\"dailyCapacity\":{\"HP1\":1},\"minRestMinutes\":"
                + "{\"GUARANTEE\":1,\"IMPROVEMENT\":1},\"maxLeaderFeePercent\":101}"})
        void badPoliciesAreRefused(final String policy) {
            net.fails("INVALID_ARGUMENT", () -> net.commitment.RegisterCommunity(net.as("committee1"), "C1", "n", "d",
                    TestNet.POINTS, policy));
        }

        @Test
        void aSecondRegistrationConflicts() {
            net.community();
            net.fails("CONFLICT", () -> net.commitment.RegisterCommunity(net.as("committee1"), "C1", "n", "d",
                    TestNet.POINTS, TestNet.POLICY));
        }
    }

    @Nested
    class Sign {
        @BeforeEach
        void community() {
            net.community();
        }

        @Test
        void aLeaderSignsAPendingCommitmentIndexedByPartyAndCommunity() {
            net.commitment.Sign(net.as("leader1"), TestNet.commitmentJson("CM-L1", TestNet.LEADER_OBLIGATIONS,
                    "2026-06-01T00:00:00Z"));
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("commitment", "CM-L1"),
                    FakeStub.key("cmtParty", "LeaderMSP/leader1", "C1", "CM-L1"),
                    FakeStub.key("cmtCommunity", "C1", "CM-L1"));
            assertThat(net.record("commitment", "CM-L1").get("status").getAsString()).isEqualTo("PENDING");
            assertThat(net.lastEventName()).isEqualTo("CommitmentSigned");
        }

        @ParameterizedTest
        @ValueSource(strings = {"committee1", "volunteer1", "regulator1"})
        void othersCannotSign(final String who) {
            net.fails("FORBIDDEN", () -> net.commitment.Sign(net.as(who), TestNet.commitmentJson("CM-X",
                    TestNet.LEADER_OBLIGATIONS, "2026-06-01T00:00:00Z")));
        }

        @Test
        void aLeaderCannotSignForAnotherCommunity() {
            net.fails("FORBIDDEN", () -> net.commitment.Sign(net.as("leader2"), TestNet.commitmentJson("CM-X",
                    TestNet.LEADER_OBLIGATIONS, "2026-06-01T00:00:00Z")));
        }

        @Test
        void theObligationsMustBeThoseOfTheRole() {
            net.fails("INVALID_ARGUMENT", () -> net.commitment.Sign(net.as("supplier1"), TestNet.commitmentJson("CM-X",
                    TestNet.LEADER_OBLIGATIONS, "2026-06-01T00:00:00Z")));
        }

        @Test
        void anExpiredCredentialIsRefused() {
            net.fails("EXPIRED", () -> net.commitment.Sign(net.as("supplier1"), TestNet.commitmentJson("CM-X",
                    TestNet.SUPPLIER_OBLIGATIONS, "2026-04-01T00:00:00Z")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"id\":\"CM-1\"}", "{\"id\":\"CM 1\",\"community\":\"C1\"}", "[]",
            "{\"id\":\"CM-1\",\"status\":\"ACTIVE\"}"})
        void malformedCommitmentsAreRefused(final String json) {
            net.fails("INVALID_ARGUMENT", () -> net.commitment.Sign(net.as("supplier1"), json));
        }

        @Test
        void anUnknownCommunityIsNotFoundAndADuplicateIdConflicts() {
            net.fails("NOT_FOUND", () -> net.commitment.Sign(net.as("supplier1"), TestNet.commitmentJson("CM-X",
                    TestNet.SUPPLIER_OBLIGATIONS, "2026-06-01T00:00:00Z").replace("\"C1\"", "\"C9\"")));
            net.commitment.Sign(net.as("supplier1"), TestNet.commitmentJson("CM-X", TestNet.SUPPLIER_OBLIGATIONS,
                    "2026-06-01T00:00:00Z"));
            net.fails("CONFLICT", () -> net.commitment.Sign(net.as("supplier1"), TestNet.commitmentJson("CM-X",
                    TestNet.SUPPLIER_OBLIGATIONS, "2026-06-01T00:00:00Z")));
        }
    }

    @Nested
    class CountersignSuspendReinstateRevoke {
        @BeforeEach
        void signed() {
            net.community();
            net.commitment.Sign(net.as("supplier1"), TestNet.commitmentJson("CM-S1", TestNet.SUPPLIER_OBLIGATIONS,
                    "2026-05-01T00:00:00Z"));
        }

        private String status() {
            return net.record("commitment", "CM-S1").get("status").getAsString();
        }

        @Test
        void theCommitteeWalksTheCommitmentThroughItsStates() {
            net.commitment.Countersign(net.as("committee1"), "CM-S1");
            assertThat(status()).isEqualTo("ACTIVE");
            assertThat(net.lastEventName()).isEqualTo("CommitmentCountersigned");
            net.commitment.Suspend(net.as("regulator1"), "CM-S1", "complaint");
            assertThat(status()).isEqualTo("SUSPENDED");
            net.commitment.Reinstate(net.as("committee1"), "CM-S1");
            assertThat(status()).isEqualTo("ACTIVE");
            net.commitment.Revoke(net.as("committee1"), "CM-S1", "fraud");
            assertThat(status()).isEqualTo("REVOKED");
            assertThat(net.lastEventName()).isEqualTo("CommitmentRevoked");
        }

        @ParameterizedTest
        @ValueSource(strings = {"committee2", "leader1", "supplier1", "volunteer1", "regulator1"})
        void onlyTheCommitteeOfTheCommunityCountersigns(final String who) {
            net.fails("FORBIDDEN", () -> net.commitment.Countersign(net.as(who), "CM-S1"));
        }

        @Test
        void invalidMovesAreRefusedWithTheStateNeeded() {
            net.fails("INVALID_STATE", () -> net.commitment.Reinstate(net.as("committee1"), "CM-S1"));
            net.fails("INVALID_STATE", () -> net.commitment.Suspend(net.as("committee1"), "CM-S1", "why"));
            net.commitment.Countersign(net.as("committee1"), "CM-S1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.commitment.Countersign(net.as("committee1"),
                    "CM-S1")).hasMessage("[INVALID_STATE] commitment CM-S1 is ACTIVE; Countersign needs PENDING");
        }

        @Test
        void anExpiredCommitmentCannotBeCountersigned() {
            net.advance(Duration.ofDays(30));
            net.fails("EXPIRED", () -> net.commitment.Countersign(net.as("committee1"), "CM-S1"));
        }

        @Test
        void suspendAndRevokeNeedAReasonAndAnExistingCommitment() {
            net.commitment.Countersign(net.as("committee1"), "CM-S1");
            net.fails("INVALID_ARGUMENT", () -> net.commitment.Suspend(net.as("committee1"), "CM-S1", " "));
            net.fails("INVALID_ARGUMENT", () -> net.commitment.Revoke(net.as("committee1"), "CM-S1", ""));
            net.fails("NOT_FOUND", () -> net.commitment.Revoke(net.as("committee1"), "CM-9", "x"));
            net.fails("FORBIDDEN", () -> net.commitment.Revoke(net.as("regulator1"), "CM-S1", "x"));
        }
    }

    @Nested
    class GetAndList {
        @Test
        void listReturnsTheCommunitysCommitmentsSortedById() {
            net.community();
            net.commitments();
            final var list = JsonParser.parseString(net.commitment.List(net.as("regulator1"), "C1")).getAsJsonArray();
            assertThat(list).extracting(e -> e.getAsJsonObject().get("id").getAsString())
                    .containsExactly("CM-K1", "CM-L1", "CM-S1");
            assertThat(net.commitment.Get(net.as("courier1"), "CM-K1")).contains("\"party\":\"CourierMSP/courier1\"");
            net.fails("NOT_FOUND", () -> net.commitment.Get(net.as("courier1"), "CM-0"));
        }
    }
}
