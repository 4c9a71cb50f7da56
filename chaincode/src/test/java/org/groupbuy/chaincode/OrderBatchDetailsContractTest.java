package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The details of a whole AddHouseholdOrders batch: the batch is recorded once (orderBatch~gb~firstHousehold), and
 * PutHouseholdDetails with the transient key {@code batch} checks the details against that one record and stores them
 * as one private value (detailsBatch~gb~firstHousehold) instead of one read and one key per household.
 */
class OrderBatchDetailsContractTest {
    private static final String WANG = "{\"name\":\"Wang Li\",\"phone\":\"13800000000\",\"address\":\"Bldg 3, Room 301\","
            + "\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}";
    private static final String ZHAO = "{\"name\":\"Zhao Min\",\"phone\":\"13900000000\",\"address\":\"Bldg 4, Room 2\","
            + "\"salt\":\"00112233445566778899aabbccddeeff\"}";
    private static final String BATCH_KEY = "householdDetails|" + FakeStub.key("detailsBatch", GB, "H-001");
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
        net.to(GroupBuyStatus.OPEN);
    }

    private static Map<String, byte[]> batchDetails(final String batch, final String json) {
        final Map<String, byte[]> data = new TreeMap<>(TestNet.details(json));
        data.put("batch", batch.getBytes(StandardCharsets.UTF_8));
        return data;
    }

    @Nested
    class AddHouseholdOrders {
        @Test
        void recordsTheBatchUnderItsFirstHouseholdAndTellsEachOrderItsBatch() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, "[" + TestNet.order("H-002",
                    "{\"sku\":\"VEG\",\"quantity\":1}") + "," + TestNet.order("H-001", "{\"sku\":\"VEG\",\"quantity\":2}")
                    + "]");
            assertThat(net.stub.txWrites.get(FakeStub.key("orderBatch", GB, "H-001")))
                    .isEqualTo("{\"groupBuyId\":\"GB-1\",\"id\":\"H-001\",\"households\":[\"H-001\",\"H-002\"]}");
            assertThat(net.stub.txPolicies).doesNotContainKey(FakeStub.key("orderBatch", GB, "H-001"));
            assertThat(net.record("order", GB, "H-001").get("batch").getAsString()).isEqualTo("H-001");
            assertThat(net.record("order", GB, "H-002").get("batch").getAsString()).isEqualTo("H-001");
        }

        @Test
        void answersWithTheBatchRecordAndNotAnEchoOfTheOrders() {
            final String answer = net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, "[" + TestNet.order("H-002",
                    "{\"sku\":\"VEG\",\"quantity\":1}") + "," + TestNet.order("H-001", "{\"sku\":\"VEG\",\"quantity\":2}")
                    + "]");
            assertThat(answer).isEqualTo("{\"groupBuyId\":\"GB-1\",\"id\":\"H-001\",\"households\":[\"H-001\",\"H-002\"]}");
        }

        @Test
        void anOrderThatNamesItsOwnBatchIsRefused() {
            final String order = TestNet.order("H-001", "{\"sku\":\"VEG\",\"quantity\":2}");
            final String forged = order.substring(0, order.length() - 1) + ",\"batch\":\"H-000\"}";
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB,
                    "[" + forged + "]"));
        }
    }

    @Nested
    class PutHouseholdDetailsOfABatch {
        @BeforeEach
        void withOrders() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
        }

        @Test
        void storesTheWholeBatchAsOnePrivateValueSortedByHouseholdAfterOneStateRead() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-001",
                    "{\"H-002\":" + ZHAO + ",\"H-001\":" + WANG + "}")), GB);
            assertThat(net.stub.txWrites).isEmpty();
            assertThat(net.stub.txPrivateWrites).containsExactly(Map.entry(BATCH_KEY,
                    "{\"H-001\":" + WANG + ",\"H-002\":" + ZHAO + "}"));
            assertThat(net.stub.txReads).filteredOn(r -> r.startsWith("state " + FakeStub.key("order")))
                    .isEmpty();
            assertThat(net.stub.txReads).contains("state " + FakeStub.key("orderBatch", GB, "H-001"));
            assertThat(net.lastEventName()).isEqualTo("HouseholdDetailsStored");
        }

        @Test
        void aSecondSendOfTheSameBatchKeepsTheHouseholdsItDoesNotRepeat() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-001", "{\"H-001\":" + WANG + "}")), GB);
            net.groupBuy.PutHouseholdDetails(net.as("committee1", batchDetails("H-001", "{\"H-002\":" + ZHAO + "}")),
                    GB);
            assertThat(net.stub.txPrivateWrites).containsExactly(Map.entry(BATCH_KEY,
                    "{\"H-001\":" + WANG + ",\"H-002\":" + ZHAO + "}"));
        }

        @Test
        void readsBackEachHouseholdExactlyAsItsOwnKeyWouldHoldIt() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-001",
                    "{\"H-001\":" + WANG + ",\"H-002\":" + ZHAO + "}")), GB);
            assertThat(net.audit.GetHouseholdDetails(net.as("committee1"), GB, "H-002")).isEqualTo(ZHAO);
            assertThat(net.audit.GetHouseholdDetails(net.as("leader1"), GB, "H-001")).isEqualTo(WANG);
        }

        @Test
        void detailsSentLaterForOneHouseholdOverrideItsBatchEntry() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-001", "{\"H-001\":" + WANG + "}")), GB);
            net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details("{\"H-001\":" + ZHAO + "}")), GB);
            assertThat(net.audit.GetHouseholdDetails(net.as("committee1"), GB, "H-001")).isEqualTo(ZHAO);
        }

        @Test
        void aHouseholdOutsideTheBatchIsRefusedByNameAndNothingIsStored() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, "[" + TestNet.order("H-003",
                    "{\"sku\":\"VEG\",\"quantity\":1}") + "]");
            assertThatThrownBy(() -> net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-001",
                    "{\"H-001\":" + WANG + ",\"H-003\":" + ZHAO + "}")), GB))
                    .hasMessage("[INVALID_ARGUMENT] household H-003 was not added in batch H-001 of GB-1; send its "
                            + "details without 'batch' or with the batch (first household) of the AddHouseholdOrders "
                            + "call that added it");
            assertThat(net.stub.txPrivateWrites).isEmpty();
            assertThat(net.stub.txEvents).isEmpty();
        }

        @Test
        void anUnknownBatchIsNotFoundAndNothingIsStored() {
            net.fails("NOT_FOUND", () -> net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-002",
                    "{\"H-002\":" + ZHAO + "}")), GB));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "H 001", "H-001\u0000"})
        void aBatchThatIsNotAnIdIsRefused(final String batch) {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails(batch,
                    "{\"H-001\":" + WANG + "}")), GB));
        }

        @Test
        void aCallerWhoMayNotWriteDetailsIsForbiddenBeforeTheBatchIsRead() {
            net.fails("FORBIDDEN", () -> net.groupBuy.PutHouseholdDetails(net.as("volunteer1", batchDetails("H-001",
                    "{\"H-001\":" + WANG + "}")), GB));
            assertThat(net.stub.txReads).noneMatch(r -> r.contains("orderBatch"));
        }

        @Test
        void cancellingTheGroupBuyPurgesTheBatchValue() {
            net.groupBuy.PutHouseholdDetails(net.as("leader1", batchDetails("H-001",
                    "{\"H-001\":" + WANG + ",\"H-002\":" + ZHAO + "}")), GB);
            net.groupBuy.Cancel(net.as("leader1"), GB, "supplier withdrew");
            assertThat(net.stub.txPrivateWrites).containsEntry(BATCH_KEY, FakeStub.PURGED);
            assertThat(net.stub.privateData.get("householdDetails")).isEmpty();
            assertThatThrownBy(() -> net.audit.GetHouseholdDetails(net.as("committee1"), GB, "H-002")).hasMessage(
                    "[NOT_FOUND] the details of household H-002 of GB-1 were purged when it became CANCELLED");
        }
    }
}
