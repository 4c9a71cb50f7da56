package org.groupbuy.client.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.util.List;
import org.groupbuy.client.ledger.FailureDecoder;
import org.groupbuy.client.ledger.Phase;
import org.groupbuy.client.ledger.Transaction;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErrorReportTest {
    private final ErrorReport report = new ErrorReport("127.0.0.1:7051");

    private static ErrorDetail detail(String msp, String message) {
        return ErrorDetail.newBuilder().setMspId(msp).setAddress("peer0:7051").setMessage(message).build();
    }

    @Nested
    class EndorsementRefused {
        @Test
        void showsTheChaincodesCodeAndMessageWithTheTransaction() {
            EndorseException e = mock(EndorseException.class);
            when(e.getTransactionId()).thenReturn("tx42");
            when(e.getStatus()).thenReturn(Status.ABORTED.withDescription("failed to endorse transaction, see attached details"));
            when(e.getDetails()).thenReturn(List.of(detail("LeaderMSP",
                    "chaincode response 500, [INVALID_STATE] group buy GB-7 is PACKED; Accept needs SUBMITTED")));

            CliFailure failure = report.describe(e);

            assertThat(failure.line()).isEqualTo(
                    "error: [INVALID_STATE] group buy GB-7 is PACKED; Accept needs SUBMITTED (transaction tx42)");
            assertThat(failure.exitCode()).isEqualTo(1);
        }

        @Test
        void withoutAChaincodeCodeShowsTheGatewayStatusAndDetails() {
            EndorseException e = mock(EndorseException.class);
            when(e.getTransactionId()).thenReturn("tx43");
            when(e.getStatus()).thenReturn(Status.ABORTED.withDescription("failed to endorse"));
            when(e.getDetails()).thenReturn(List.of(detail("CourierMSP", "access denied")));

            assertThat(report.describe(e).line()).isEqualTo("error: [ENDORSEMENT_FAILED] endorsement failed: "
                    + "ABORTED: failed to endorse; CourierMSP@peer0:7051: access denied (transaction tx43)");
        }

        @Test
        void anUnreachablePeerIsAConnectionFailureNamingTheEndpoint() {
            EndorseException e = mock(EndorseException.class);
            when(e.getStatus()).thenReturn(Status.UNAVAILABLE.withDescription("io exception"));
            when(e.getDetails()).thenReturn(List.of());

            CliFailure failure = report.describe(e);

            assertThat(failure.exitCode()).isEqualTo(3);
            assertThat(failure.line()).isEqualTo("error: [UNREACHABLE] cannot reach the peer at 127.0.0.1:7051 "
                    + "(UNAVAILABLE: io exception): is the network up? scripts/network.sh status");
        }
    }

    @Nested
    class AfterEndorsement {
        @Test
        void aCommitFailureNamesTheValidationCode() {
            CommitException e = mock(CommitException.class);
            when(e.getTransactionId()).thenReturn("tx44");
            when(e.getCode()).thenReturn(TxValidationCode.MVCC_READ_CONFLICT);

            CliFailure failure = report.describe(e);

            assertThat(failure.exitCode()).isEqualTo(4);
            assertThat(failure.line()).isEqualTo("error: [COMMIT_FAILED] the transaction was endorsed but not committed: "
                    + "validation code MVCC_READ_CONFLICT (transaction tx44)");
        }

        @Test
        void aSubmitFailureIsToldApartFromACommitFailure() {
            SubmitException e = mock(SubmitException.class);
            when(e.getTransactionId()).thenReturn("tx45");
            when(e.getStatus()).thenReturn(Status.UNAVAILABLE.withDescription("no orderer"));

            CliFailure failure = report.describe(e);

            assertThat(failure.exitCode()).isEqualTo(4);
            assertThat(failure.line()).isEqualTo("error: [SUBMIT_FAILED] the orderer did not accept the endorsed "
                    + "transaction: UNAVAILABLE: no orderer (transaction tx45)");
        }

        @Test
        void aCommitWaitThatRanOutIsAnUnknownOutcomeNotARefusal() {
            // grpc-java puts the closed stream's status in brackets: "[CANCELLED]" is not the chaincode's code
            CommitStatusException e = mock(CommitStatusException.class);
            when(e.getTransactionId()).thenReturn("tx47");
            when(e.getStatus()).thenReturn(Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 59.9s. "
                    + "[closed=[CANCELLED], committed=[remote_addr=10.231.0.11/10.231.0.11:7051]]"));
            when(e.getDetails()).thenReturn(List.of());

            CliFailure failure = report.describe(FailureDecoder.decode(Transaction.OPEN, Phase.COMMIT, "tx47", e));

            assertThat(failure.exitCode()).isEqualTo(4);
            assertThat(failure.line()).startsWith("error: [COMMIT_STATUS_UNKNOWN] submitted, but its commit status "
                    + "could not be read: DEADLINE_EXCEEDED: deadline exceeded after 59.9s.");
            assertThat(failure.line()).contains("it may still commit").endsWith("(transaction tx47)");
        }
    }

    @Nested
    class Queries {
        @Test
        void aRefusedQueryShowsTheChaincodeMessageWithTheProposalsTransaction() {
            GatewayException e = mock(GatewayException.class);
            when(e.getStatus()).thenReturn(Status.UNKNOWN.withDescription(
                    "evaluate call to endorser returned error: chaincode response 500, [NOT_FOUND] no group buy GB-9"));
            when(e.getDetails()).thenReturn(List.of());

            CliFailure failure = report.describe(FailureDecoder.decode(Transaction.GET_GROUP_BUY, Phase.EVALUATE, "tx46", e));

            assertThat(failure.exitCode()).isEqualTo(1);
            assertThat(failure.line()).isEqualTo("error: [NOT_FOUND] no group buy GB-9 (transaction tx46)");
        }
    }

    @Test
    void aFailureAlreadyWordedPassesThrough() {
        CliFailure known = CliFailure.usage("BAD_JSON", "not valid JSON");

        assertThat(report.describe(known)).isSameAs(known);
    }
}
