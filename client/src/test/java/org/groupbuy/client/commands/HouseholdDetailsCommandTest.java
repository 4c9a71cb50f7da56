package org.groupbuy.client.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import org.groupbuy.client.ledger.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HouseholdDetailsCommandTest {
    private LedgerDouble ledger;

    @BeforeEach
    void setUp() {
        ledger = new LedgerDouble();
        ledger.answers.put(Transaction.GET_HOUSEHOLD_DETAILS,
                "{\"name\":\"Wang Fang\",\"phone\":\"13800000001\",\"address\":\"Building 3 Room 201\"}");
    }

    @Test
    void committeeReadsTheDetailsOfOneHouseholdOfAGroupBuy() {
        assertThat(ledger.run("committee", "details", "GB-7", "H-001", "--json")).isZero();

        verify(ledger.builder(Transaction.GET_HOUSEHOLD_DETAILS)).addArguments("GB-7", "H-001");
        assertThat(ledger.out.toString().trim())
                .isEqualTo("{\"name\":\"Wang Fang\",\"phone\":\"13800000001\",\"address\":\"Building 3 Room 201\"}");
    }

    @Test
    void leaderHasTheSameCommand() {
        assertThat(ledger.run("leader", "details", "GB-7", "H-002")).isZero();

        verify(ledger.builder(Transaction.GET_HOUSEHOLD_DETAILS)).addArguments("GB-7", "H-002");
    }
}
