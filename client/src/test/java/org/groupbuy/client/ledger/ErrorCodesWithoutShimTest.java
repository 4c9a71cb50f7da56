package org.groupbuy.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.util.Arrays;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Test;

/**
 * The client reads the chaincode's error codes from the codes module, whose enum is the one the
 * chaincode throws; the chaincode shim is not on the client's classpath and need not be.
 */
class ErrorCodesWithoutShimTest {

    @Test
    void theShimIsNotOnTheClientsClasspath() {
        assertThatThrownBy(() -> Class.forName("org.hyperledger.fabric.shim.ChaincodeException"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theCodesLoadAndListWithoutTheShim() {
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name))
                .containsExactly("NOT_FOUND", "FORBIDDEN", "INVALID_ARGUMENT", "INVALID_STATE", "CONFLICT", "EXPIRED");
    }

    @Test
    void everyCodeIsDecodedAsTheChaincodesOwn() {
        for (ErrorCode code : ErrorCode.values()) {
            GatewayException e = org.mockito.Mockito.mock(GatewayException.class);
            org.mockito.Mockito.when(e.getStatus()).thenReturn(Status.UNKNOWN.withDescription(
                    "evaluate call to endorser returned error: chaincode response 500, [" + code + "] why"));

            LedgerFailure failure = FailureDecoder.decode(Transaction.GET_GROUP_BUY, Phase.EVALUATE, "tx1", e);

            assertThat(failure.source()).isEqualTo(LedgerFailure.Source.CHAINCODE);
            assertThat(failure.code()).isEqualTo(code.name());
            assertThat(failure.detail()).isEqualTo("why");
        }
    }
}
