package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import java.time.Duration;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GroupBuy transactions from Open to Close: the leader opens a group buy and collects the household orders. */
class GroupBuyOpeningContractTest {
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
    }

    @Nested
    class Open {
        @BeforeEach
        void ready() {
            net.community();
            net.commitments();
        }

        @Test
        void anActiveLeaderOpensAPendingGuaranteeGroupBuyIndexedByCommunityAndParties() {
            net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3));
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("groupbuy", GB),
                    FakeStub.key("gbCommunity", "C1", GB), FakeStub.key("gbParty", "LeaderMSP/leader1", GB),
                    FakeStub.key("gbParty", "SupplierMSP/supplier1", GB));
            final var gb = net.record("groupbuy", GB);
            assertThat(gb.get("status").getAsString()).isEqualTo("PENDING_APPROVAL");
            assertThat(gb.get("priority").getAsString()).isEqualTo("GUARANTEE");
            assertThat(gb.get("leader").getAsString()).isEqualTo("LeaderMSP/leader1");
            assertThat(net.stub.txEvents.get(0)[1]).startsWith("{\"type\":\"GroupBuyOpened\",\"id\":\"GB-1\","
                    + "\"status\":\"PENDING_APPROVAL\",\"actor\":\"LeaderMSP/leader1\",\"org\":\"LeaderMSP\"");
        }

        @Test
        void aGroupBuyNamedLikeACommitmentKeepsItsEventsOutOfThatCommitmentsTrace() {
            net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson("CM-S1", "GUARANTEE", 3));
            assertThat(net.traceTypes("CM-S1", "commitment")).containsExactly("CommitmentSigned",
                    "CommitmentCountersigned");
            assertThat(net.traceTypes("CM-S1", "groupbuy")).containsExactly("GroupBuyOpened");
        }

        @ParameterizedTest
        @ValueSource(strings = {"leader2", "supplier1", "courier1", "committee1", "volunteer1", "regulator1"})
        void onlyALeaderOfTheCommunityOpens(final String who) {
            net.fails("FORBIDDEN", () -> net.groupBuy.Open(net.as(who), TestNet.groupBuyJson(GB, "GUARANTEE", 3)));
        }

        @Test
        void aSuspendedLeaderOrSupplierCannotOpen() {
            net.commitment.Suspend(net.as("committee1"), "CM-S1", "inspection failed");
            net.fails("FORBIDDEN", () -> net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3)));
            net.commitment.Reinstate(net.as("committee1"), "CM-S1");
            net.commitment.Suspend(net.as("committee1"), "CM-L1", "complaint");
            net.fails("FORBIDDEN", () -> net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3)));
        }

        @Test
        void anExpiredCommitmentEndsTheRightToAct() {
            net.clock = java.time.Instant.parse("2026-06-30T00:00:00Z");
            net.fails("EXPIRED", () -> net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3)
                    .replace("2026-04-10T20:00:00Z", "2026-07-01T00:00:00Z")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"leaderFeePercent\":3:\"leaderFeePercent\":6", "\"HP1\":\"HP9\"",
            "\"unitPriceCents\":3500:\"unitPriceCents\":0", "2026-04-10T20:00:00Z:2026-04-10T07:00:00Z",
            "\"SupplierMSP/supplier1\":\"CourierMSP/courier1\"", "\"sku\":\"MILK\":\"sku\":\"VEG\"",
            "\"minimum\":{:\"minimum\":{\"status\":\"OPEN\",", "\"GUARANTEE\":\"BASIC\""})
        void invalidProposalsAreRefused(final String replacement) {
            final String[] r = replacement.split("(?<=\"|Z|\\{|\\d):(?=\"|\\d)", 2);
            final String json = TestNet.groupBuyJson(GB, "GUARANTEE", 3).replace(r[0], r[1]);
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Open(net.as("leader1"), json));
        }

        @Test
        void aProposalWithoutItsSupplierNamesTheMissingField() {
            final String json = TestNet.groupBuyJson(GB, "GUARANTEE", 3).replace("\"supplier\":\"SupplierMSP/supplier1\",", "");
            assertThat(json).doesNotContain("\"supplier\"");
            assertThatThrownBy(() -> net.groupBuy.Open(net.as("leader1"), json))
                    .hasMessage("[INVALID_ARGUMENT] supplier is missing");
            assertThat(net.stub.txWrites).isEmpty();
        }

        @Test
        void aDuplicateIdConflictsAndAnUnknownCommunityIsNotFound() {
            net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3));
            net.fails("CONFLICT", () -> net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3)));
            net.fails("NOT_FOUND", () -> net.groupBuy.Open(net.as("leader2"), TestNet.groupBuyJson("GB-9", "GUARANTEE", 3)
                    .replace("\"C1\"", "\"C2\"")));
        }
    }

    @Nested
    class ApproveAndDecline {
        @BeforeEach
        void opened() {
            net.community();
            net.commitments();
            net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(GB, "GUARANTEE", 3));
        }

        @Test
        void theCommitteeApproves() {
            net.groupBuy.Approve(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.OPEN);
            assertThat(net.lastEventName()).isEqualTo("GroupBuyApproved");
        }

        @Test
        void theCommitteeDeclinesWithAReason() {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Decline(net.as("committee1"), GB, ""));
            net.groupBuy.Decline(net.as("committee1"), GB, "no capacity");
            assertThat(net.status()).isEqualTo(GroupBuyStatus.DECLINED);
            net.fails("INVALID_STATE", () -> net.groupBuy.Approve(net.as("committee1"), GB));
        }

        @ParameterizedTest
        @ValueSource(strings = {"committee2", "leader1", "volunteer1", "supplier1", "regulator1"})
        void othersCannotApproveOrDecline(final String who) {
            net.fails("FORBIDDEN", () -> net.groupBuy.Approve(net.as(who), GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.Decline(net.as(who), GB, "x"));
        }

        @Test
        void anApprovedGroupBuyCannotBeApprovedAgain() {
            net.groupBuy.Approve(net.as("committee1"), GB);
            assertThatThrownBy(() -> net.groupBuy.Approve(net.as("committee1"), GB))
                    .hasMessage("[INVALID_STATE] group buy GB-1 is OPEN; Approve needs PENDING_APPROVAL");
        }
    }

    @Nested
    class AddHouseholdOrders {
        @BeforeEach
        void open() {
            net.to(GroupBuyStatus.OPEN);
        }

        @Test
        void theLeaderAddsABatchEachOrderAKeyOfItsOwn() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
            assertThat(net.stub.txWrites.keySet()).contains(FakeStub.key("order", GB, "H-001"),
                    FakeStub.key("order", GB, "H-002")).doesNotContain(FakeStub.key("groupbuy", GB));
            assertThat(net.record("order", GB, "H-002").get("amountCents").getAsLong()).isEqualTo(9500);
            assertThat(net.stub.txEvents.get(0)[1]).contains("\"details\":{\"orders\":\"2\"}");
            assertThat(net.orderStatus("H-001")).isEqualTo("JOINED");
        }

        @ParameterizedTest
        @ValueSource(strings = {"leader2", "supplier1", "committee1", "volunteer1"})
        void onlyTheGroupBuysLeaderAdds(final String who) {
            net.fails("FORBIDDEN", () -> net.groupBuy.AddHouseholdOrders(net.as(who), GB, TestNet.ORDERS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "{}", "[{\"household\":\"H-1\",\"lines\":[{\"sku\":\"VEG\",\"quantity\":3}],"
                + "\"pickupSalt\":\"s\",\"pickupCodeHash\":\"" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "\"}]",
            "[{\"household\":\"H-1\",\"lines\":[{\"sku\":\"FISH\",\"quantity\":1}],\"pickupSalt\":\"s\","
                + "\"pickupCodeHash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]",
            "[{\"household\":\"H-1\",\"name\":\"Wang\",\"lines\":[{\"sku\":\"VEG\",\"quantity\":1}]}]",
            "[{\"household\":\"H-1\",\"lines\":[{\"sku\":\"VEG\",\"quantity\":1}],\"pickupSalt\":\"s\","
                + "\"pickupCodeHash\":\"xyz\"}]"})
        void invalidOrdersAreRefused(final String orders) {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, orders));
        }

        @Test
        void aBatchOfMoreThan500IsRefused() {
            assertThatThrownBy(() -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, orders(501)))
                    .hasMessage("[INVALID_ARGUMENT] ordersJson must hold 1-500 orders, got 501");
        }

        @Test
        void aBatchOf500IsTakenWhole() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, orders(500));

            assertThat(net.stub.state.keySet().stream()
                    .filter(k -> k.startsWith(FakeStub.key("order", GB))).count()).isEqualTo(500);
            assertThat(net.stub.get("order", GB, "H-499")).contains("\"household\":\"H-499\"");
        }

        private String orders(final int count) {
            final StringBuilder many = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                many.append(i == 0 ? "" : ",").append(TestNet.order("H-" + i, "{\"sku\":\"VEG\",\"quantity\":1}"));
            }
            return many + "]";
        }

        @Test
        void aHouseholdOrdersOnceAndNotAfterCutoff() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
            net.fails("CONFLICT", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS));
            net.advance(Duration.ofHours(13));
            net.fails("EXPIRED", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB,
                    "[" + TestNet.order("H-9", "{\"sku\":\"VEG\",\"quantity\":1}") + "]"));
        }

        @Test
        void noOrdersOnceClosed() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
            net.groupBuy.Close(net.as("leader1"), GB);
            net.fails("INVALID_STATE", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB,
                    "[" + TestNet.order("H-9", "{\"sku\":\"VEG\",\"quantity\":1}") + "]"));
        }
    }

    @Nested
    class PutHouseholdDetails {
        private static final String DETAILS = "{\"H-001\":{\"name\":\"Wang Li\",\"phone\":\"13800000000\","
                + "\"address\":\"Bldg 3, Room 301\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}";

        @BeforeEach
        void withOrders() {
            net.to(GroupBuyStatus.OPEN);
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
        }

        @Test
        void detailsGoOnlyToThePrivateCollectionOneKeyPerHousehold() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details(DETAILS)), GB);
            assertThat(net.stub.txWrites).isEmpty();
            assertThat(net.stub.txPrivateWrites).containsExactly(java.util.Map.entry("householdDetails|"
                    + FakeStub.key("details", GB, "H-001"), "{\"name\":\"Wang Li\",\"phone\":\"13800000000\","
                    + "\"address\":\"Bldg 3, Room 301\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}"));
            assertThat(net.lastEventName()).isEqualTo("HouseholdDetailsStored");
            assertThat(net.stub.txEvents.get(0)[1]).doesNotContain("Wang").doesNotContain("1380");
            assertThat(net.audit.GetHouseholdDetails(net.as("committee1"), GB, "H-001")).contains("Wang Li");
        }

        @ParameterizedTest
        @ValueSource(strings = {"leader2", "supplier1", "courier1", "volunteer1", "committee2", "regulator1"})
        void onlyTheLeaderOrTheCommitteeMayWriteOrReadThem(final String who) {
            net.fails("FORBIDDEN", () -> net.groupBuy.PutHouseholdDetails(net.as(who, TestNet.details(DETAILS)), GB));
            net.fails("FORBIDDEN", () -> net.audit.GetHouseholdDetails(net.as(who), GB, "H-001"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "[]", "{\"H-001\":{\"name\":\"a\"}}", "{\"H-001\":{\"name\":\"a\",\"phone\":\"1\","
                + "\"address\":\"x\",\"email\":\"e\"}}"})
        void malformedDetailsAreRefused(final String details) {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.PutHouseholdDetails(net.as("leader1",
                    TestNet.details(details)), GB));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ",\"salt\":\"abc\"", ",\"salt\":\"5A1E0C9D3B7F2A6E8C4D0B1F9E3A7C5D\""})
        void detailsWithoutARandomSaltOfAtLeast16BytesAreRefusedNamingTheSalt(final String salt) {
            final String details = DETAILS.replace(",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"", salt);
            assertThatThrownBy(() -> net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details(details)), GB))
                    .hasMessage("[INVALID_ARGUMENT] salt of H-001 must be 32-64 lowercase hex characters (16 or more "
                            + "random bytes the client draws), so the hash of the stored details on the ledger reveals "
                            + "nothing");
            assertThat(net.stub.txPrivateWrites).isEmpty();
        }

        @Test
        void aGroupBuyThatIsCancelledPurgesEveryHouseholdsDetailsAndTakesNoneAgain() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details(DETAILS)), GB);
            net.groupBuy.Cancel(net.as("leader1"), GB, "supplier withdrew");
            assertThat(net.stub.txPrivateWrites).containsExactly(
                    java.util.Map.entry("householdDetails|" + FakeStub.key("details", GB, "H-001"), FakeStub.PURGED),
                    java.util.Map.entry("householdDetails|" + FakeStub.key("details", GB, "H-002"), FakeStub.PURGED),
                    java.util.Map.entry("householdDetails|" + FakeStub.key("detailsBatch", GB, "H-001"),
                            FakeStub.PURGED));
            assertThat(net.stub.privateData.get("householdDetails")).isEmpty();
            net.fails("NOT_FOUND", () -> net.audit.GetHouseholdDetails(net.as("committee1"), GB, "H-001"));
            assertThatThrownBy(() -> net.audit.GetHouseholdDetails(net.as("leader1"), GB, "H-001")).hasMessage(
                    "[NOT_FOUND] the details of household H-001 of GB-1 were purged when it became CANCELLED");
            net.fails("INVALID_STATE", () -> net.groupBuy.PutHouseholdDetails(net.as("leader1",
                    TestNet.details(DETAILS)), GB));
        }

        @Test
        void aGroupBuyClosedBelowItsMinimumPurgesTheDetailsToo() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details(DETAILS)), GB);
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-001");
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-002");
            net.groupBuy.Close(net.as("leader1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.FAILED);
            assertThat(net.stub.txPrivateWrites).containsKey("householdDetails|" + FakeStub.key("details", GB, "H-001"));
            assertThat(net.stub.privateData.get("householdDetails")).isEmpty();
        }

        @Test
        void everyHouseholdNeedsAPublicOrderAndTheTransientKeyIsRequired() {
            net.fails("NOT_FOUND", () -> net.groupBuy.PutHouseholdDetails(net.as("committee1",
                    TestNet.details(DETAILS.replace("H-001", "H-404"))), GB));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.PutHouseholdDetails(net.as("leader1"), GB));
            net.fails("NOT_FOUND", () -> net.audit.GetHouseholdDetails(net.as("leader1"), GB, "H-002"));
        }
    }

    @Nested
    class CancelHouseholdOrder {
        @BeforeEach
        void withOrders() {
            net.to(GroupBuyStatus.OPEN);
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
        }

        @Test
        void theLeaderCancelsBeforeClose() {
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-001");
            assertThat(net.stub.txWrites.keySet()).doesNotContain(FakeStub.key("groupbuy", GB));
            assertThat(net.orderStatus("H-001")).isEqualTo("CANCELLED");
            net.fails("INVALID_STATE", () -> net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-001"));
            net.fails("NOT_FOUND", () -> net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-404"));
            net.fails("FORBIDDEN", () -> net.groupBuy.CancelHouseholdOrder(net.as("volunteer1"), GB, "H-002"));
        }
    }

    @Nested
    class Close {
        @BeforeEach
        void withOrders() {
            net.to(GroupBuyStatus.OPEN);
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
        }

        @Test
        void closingTotalsByItemAndConfirmsOrders() {
            net.groupBuy.Close(net.as("leader1"), GB);
            final var gb = net.record("groupbuy", GB);
            assertThat(gb.get("ordered").toString()).isEqualTo("{\"MILK\":1,\"VEG\":3}");
            assertThat(gb.get("orderedAmountCents").getAsLong()).isEqualTo(16500);
            assertThat(gb.get("closedAt").getAsString()).isEqualTo(net.clock.toString());
            assertThat(net.lastEventName()).isEqualTo("GroupBuyClosed");
            assertThat(net.orderStatus("H-001")).isEqualTo("CONFIRMED");
        }

        @Test
        void closingWritesNoOrderKeySinceEveryOrderKeyCarriesAKeyLevelPolicyToValidate() {
            net.groupBuy.Close(net.as("leader1"), GB);
            assertThat(net.stub.txWrites.keySet()).noneMatch(k -> k.contains("order"));
            assertThat(net.storedOrderStatus("H-001")).isEqualTo("JOINED");
        }

        @Test
        void anOrderReadAfterCloseIsConfirmedSinceTheClose() {
            final java.time.Instant closedAt = net.clock;
            net.groupBuy.Close(net.as("leader1"), GB);
            net.clock = net.clock.plusSeconds(3600);
            final var order = com.google.gson.JsonParser.parseString(
                    net.audit.TraceHousehold(net.as("committee1"), GB, "H-001")).getAsJsonObject().getAsJsonObject("order");
            assertThat(order.get("status").getAsString()).isEqualTo("CONFIRMED");
            assertThat(order.get("updatedAt").getAsString()).isEqualTo(closedAt.toString());
        }

        @Test
        void aCloseBelowTheMinimumLeavesTheOrdersJoined() {
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-002");
            net.groupBuy.Close(net.as("leader1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.FAILED);
            assertThat(net.record("groupbuy", GB).has("closedAt")).isFalse();
            assertThat(net.orderStatus("H-001")).isEqualTo("JOINED");
        }

        @Test
        void beforeCutoffOnlyTheLeaderCloses() {
            net.fails("FORBIDDEN", () -> net.groupBuy.Close(net.as("supplier1"), GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.Close(net.as("committee1"), GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.Close(net.as("leader2"), GB));
            net.groupBuy.Close(net.as("leader1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SUBMITTED);
        }

        @Test
        void rightAfterCutoffAStrangerIsRefusedAndTheCommunitysCommitteeCloses() {
            net.advance(Duration.ofHours(12).plusMinutes(1));   // cutoff 20:00, now 20:01
            net.fails("FORBIDDEN", () -> net.groupBuy.Close(net.as("supplier1"), GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.Close(net.as("leader2"), GB));
            net.fails("FORBIDDEN", () -> net.groupBuy.Close(net.as("committee2"), GB));
            assertThat(net.stub.txWrites).isEmpty();
            net.groupBuy.Close(net.as("committee1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SUBMITTED);
            net.fails("INVALID_STATE", () -> net.groupBuy.Close(net.as("leader1"), GB));
        }

        @Test
        void theRefusalSaysFromWhenOthersMayClose() {
            net.advance(Duration.ofHours(12).plusMinutes(59));
            assertThatThrownBy(() -> net.groupBuy.Close(net.as("supplier1"), GB))
                    .hasMessage("[FORBIDDEN] Close of GB-1 before 2026-04-10T21:00:00Z (cutoff 2026-04-10T20:00:00Z + 60 min)"
                            + " is for its leader LeaderMSP/leader1, and from cutoff the committee of C1;"
                            + " you are SupplierMSP/supplier1 (supplier)");
        }

        @Test
        void anHourAfterCutoffAnyoneCloses() {
            net.advance(Duration.ofHours(13));
            net.groupBuy.Close(net.as("supplier1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SUBMITTED);
        }

        @Test
        void aGroupBuyWithNoOrdersFails() {
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-001");
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-002");
            net.groupBuy.Close(net.as("leader1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.FAILED);
        }
    }
}
