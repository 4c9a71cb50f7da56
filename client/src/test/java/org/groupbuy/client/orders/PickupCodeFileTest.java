package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.groupbuy.client.failure.CliFailure;
import org.junit.jupiter.api.Test;

class PickupCodeFileTest {

    @Test
    void readsTheCodesOutFormatInFileOrderSkippingHeaderAndBlankLines() {
        assertThat(PickupCodeFile.parse("codes.csv", List.of("household,code", "H-002,482913", "", "H-001,000417")))
                .containsExactly(java.util.Map.entry("H-002", "482913"), java.util.Map.entry("H-001", "000417"));
    }

    @Test
    void listsEveryBadLineWithItsNumber() {
        assertThatThrownBy(() -> PickupCodeFile.parse("codes.csv",
                List.of("household,code", "H-001,12ab56", "H-002,482913", "H-002,111111", "just-one-cell")))
                .isInstanceOf(CliFailure.class)
                .hasMessage("[BAD_CODES_FILE] codes.csv: line 2: expected 'household,code' or 'household,code,status', "
                        + "got 'H-001,12ab56'; line 4: household H-002 appears twice with different codes; line 5: "
                        + "expected 'household,code' or 'household,code,status', got 'just-one-cell'");
    }

    @Test
    void readsPendingAndIssuedLinesOfTheSameCodeAsOneHousehold() {
        assertThat(PickupCodeFile.parse("codes.csv", List.of("household,code,status", "H-002,482913,pending",
                "H-001,000417,pending", "H-002,482913,issued")))
                .containsExactly(java.util.Map.entry("H-002", "482913"), java.util.Map.entry("H-001", "000417"));
    }

    @Test
    void refusesAFileWithoutCodes() {
        assertThatThrownBy(() -> PickupCodeFile.parse("codes.csv", List.of("household,code")))
                .hasMessage("[BAD_CODES_FILE] codes.csv holds no 'household,code' line");
    }
}
