package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON arguments are typed strictly: Gson must never coerce, truncate or overflow a value. */
class StrictJsonTest {
    private final TestNet net = new TestNet();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"dailyCapacity\":[]|policyJson.dailyCapacity must be a JSON object",
        "\"dailyCapacity\":{\"HP1\":\"2\"}|policyJson.dailyCapacity.HP1 must be a JSON number",
        "\"dailyCapacity\":{\"HP1\":3000000000}|policyJson.dailyCapacity.HP1 must be a whole number in range, "
            + "got 3000000000",
        "\"dailyCapacity\":{\"HP1\":2.5}|policyJson.dailyCapacity.HP1 must be a whole number in range, got 2.5",
        "\"approvalRequired\":\"yes\"|policyJson.approvalRequired must be true or false"})
    void wrongTypesInThePolicyAreRefused(final String field, final String message) {
        final String policy = "{" + field + ",\"minRestMinutes\":{\"GUARANTEE\":30,\"IMPROVEMENT\":60},"
                + "\"maxLeaderFeePercent\":5}";
        final String json = field.startsWith("\"dailyCapacity\"") ? policy
                : policy.replace("{" + field + ",", "{\"dailyCapacity\":{\"HP1\":2}," + field + ",");
        assertThatThrownBy(() -> net.commitment.RegisterCommunity(net.as("committee1"), "C1", "Lane", "Pudong",
                TestNet.POINTS, json)).isInstanceOf(ChaincodeException.class)
                .hasMessage("[INVALID_ARGUMENT] " + message);
    }

    @Test
    void aNullFieldIsTreatedAsLeftOutAndANullListElementIsRefused() {
        net.to(GroupBuyStatus.OPEN);
        final String order = TestNet.order("H-009", "{\"sku\":\"VEG\",\"quantity\":1}");
        net.fails("INVALID_ARGUMENT", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), TestNet.GB,
                "[" + order.replace("\"lines\":[", "\"lines\":[null,") + "]"));
        assertThatThrownBy(() -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), TestNet.GB, "[null]"))
                .hasMessage("[INVALID_ARGUMENT] ordersJson[] must not hold null");
        final String withNull = order.replaceFirst("\\{", "{\"offline\":null,");
        assertThat(net.groupBuy.AddHouseholdOrders(net.as("leader1"), TestNet.GB, "[" + withNull + "]"))
                .contains("H-009");
    }

    @Test
    void amountsAboveTheCapAreRefused() {
        net.to(GroupBuyStatus.OPEN);
        net.groupBuy.AddHouseholdOrders(net.as("leader1"), TestNet.GB, TestNet.ORDERS);
        assertThatThrownBy(() -> net.groupBuy.RecordPayment(net.as("leader1"), TestNet.GB, "H-001",
                "1000000000001", TestNet.H2)).hasMessage(
                "[INVALID_ARGUMENT] amountCents must be 1-1000000000000, got 1000000000001");
    }
}
