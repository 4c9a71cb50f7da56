package org.groupbuy.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The retry policy inside Chaincode: each retry is a new proposal; an envelope is never sent twice. */
class ChaincodeRetryTest {
    private final Contract contract = mock(Contract.class);
    private final Proposal.Builder builder = mock(Proposal.Builder.class, RETURNS_SELF);
    private final List<Proposal> proposals = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, 0, millis -> { });
    private final Chaincode chaincode = new Chaincode(name -> contract, policy);
    private final Invocation payment = Invocation.of(Transaction.RECORD_PAYMENT, "GB-1", "H-1", "100", "ab");

    ChaincodeRetryTest() {
        when(contract.newProposal(anyString())).thenReturn(builder);
    }

    private Proposal nextProposal(String txId) {
        Proposal proposal = mock(Proposal.class);
        when(proposal.getTransactionId()).thenReturn(txId);
        proposals.add(proposal);
        return proposal;
    }

    private static EndorseException endorse(Status status, String... details) {
        EndorseException e = mock(EndorseException.class);
        when(e.getStatus()).thenReturn(status);
        List<ErrorDetail> list = new ArrayList<>();
        for (String d : details) {
            list.add(ErrorDetail.newBuilder().setMspId("SupplierMSP").setAddress("peer:7051").setMessage(d).build());
        }
        when(e.getDetails()).thenReturn(list);
        return e;
    }

    private static org.hyperledger.fabric.client.Transaction endorsed(String txId, org.hyperledger.fabric.client.Status status)
            throws Exception {
        org.hyperledger.fabric.client.Transaction transaction = mock(org.hyperledger.fabric.client.Transaction.class);
        SubmittedTransaction submitted = mock(SubmittedTransaction.class);
        when(transaction.getTransactionId()).thenReturn(txId);
        when(transaction.submitAsync()).thenReturn(submitted);
        when(submitted.getTransactionId()).thenReturn(txId);
        when(submitted.getStatus()).thenReturn(status);
        when(submitted.getResult()).thenReturn(("{\"tx\":\"" + txId + "\"}").getBytes(StandardCharsets.UTF_8));
        return transaction;
    }

    private static org.hyperledger.fabric.client.Status status(String txId, TxValidationCode code) {
        org.hyperledger.fabric.client.Status status = mock(org.hyperledger.fabric.client.Status.class);
        when(status.isSuccessful()).thenReturn(code == TxValidationCode.VALID);
        when(status.getCode()).thenReturn(code);
        when(status.getTransactionId()).thenReturn(txId);
        return status;
    }

    private static final String MISMATCH = "ProposalResponsePayloads do not match (base64): 'CrsB' vs 'CrwB'";

    @Nested
    class Submit {
        @Test
        void anEndorsementMismatchIsEndorsedAgainAsANewProposal() throws Exception {
            Proposal first = nextProposal("tx1");
            Proposal second = nextProposal("tx2");
            when(builder.build()).thenReturn(first, second);
            EndorseException mismatch = endorse(Status.ABORTED.withDescription(
                    "failed to collect enough transaction endorsements, see attached details for more info"), MISMATCH);
            when(first.endorse()).thenThrow(mismatch);
            org.hyperledger.fabric.client.Status valid = status("tx2", TxValidationCode.VALID);
            org.hyperledger.fabric.client.Transaction ok = endorsed("tx2", valid);
            when(second.endorse()).thenReturn(ok);

            Answer answer = chaincode.submit(payment);

            assertThat(answer).isEqualTo(new Answer(Transaction.RECORD_PAYMENT, "tx2", "{\"tx\":\"tx2\"}"));
            assertThat(chaincode.retries()).isEqualTo(1);
            verify(ok, times(1)).submitAsync();
        }

        @Test
        void anMvccConflictAtCommitIsSubmittedAgainWithANewTransactionIdNeverTheSameEnvelope() throws Exception {
            Proposal first = nextProposal("tx1");
            Proposal second = nextProposal("tx2");
            when(builder.build()).thenReturn(first, second);
            org.hyperledger.fabric.client.Status conflict = status("tx1", TxValidationCode.MVCC_READ_CONFLICT);
            org.hyperledger.fabric.client.Transaction conflicted = endorsed("tx1", conflict);
            org.hyperledger.fabric.client.Status valid = status("tx2", TxValidationCode.VALID);
            org.hyperledger.fabric.client.Transaction ok = endorsed("tx2", valid);
            when(first.endorse()).thenReturn(conflicted);
            when(second.endorse()).thenReturn(ok);

            Answer answer = chaincode.submit(payment);

            assertThat(answer.transactionId()).isEqualTo("tx2");
            verify(conflicted, times(1)).submitAsync();
            verify(first, times(1)).endorse();
            assertThat(chaincode.retries()).isEqualTo(1);
        }

        @Test
        void aPeerThatCannotBeReachedIsTriedAtMostMaxAttemptsTimes() throws Exception {
            Proposal first = nextProposal("tx1");
            Proposal second = nextProposal("tx2");
            Proposal third = nextProposal("tx3");
            when(builder.build()).thenReturn(first, second, third);
            EndorseException down = endorse(Status.UNAVAILABLE.withDescription("connection refused"));
            for (Proposal p : proposals) {
                when(p.endorse()).thenThrow(down);
            }

            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> chaincode.submit(payment));

            assertThat(failure.code()).isEqualTo("UNAVAILABLE");
            assertThat(failure.phase()).isEqualTo(Phase.ENDORSE);
            assertThat(failure.transactionId()).isEqualTo("tx3");
            assertThat(failure.transaction()).isEqualTo(Transaction.RECORD_PAYMENT);
            assertThat(chaincode.retries()).isEqualTo(2);
        }

        @Test
        void aChaincodeRefusalIsNeverRetried() throws Exception {
            Proposal first = nextProposal("tx1");
            when(builder.build()).thenReturn(first);
            EndorseException forbidden = endorse(Status.ABORTED.withDescription("failed to endorse transaction"),
                    "chaincode response 500, [FORBIDDEN] RecordPayment is for [leader]; you are supplier");
            when(first.endorse()).thenThrow(forbidden);

            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> chaincode.submit(payment));

            assertThat(failure.code()).isEqualTo("FORBIDDEN");
            assertThat(failure.source()).isEqualTo(LedgerFailure.Source.CHAINCODE);
            assertThat(failure.detail()).isEqualTo("RecordPayment is for [leader]; you are supplier");
            assertThat(failure.getMessage()).isEqualTo(
                    "[FORBIDDEN] RecordPayment is for [leader]; you are supplier (transaction tx1)");
            verify(builder, times(1)).build();
            assertThat(chaincode.retries()).isZero();
        }

        @Test
        void anOrdererFailureIsNeverRetriedSinceTheEnvelopeMayStillBeOrdered() throws Exception {
            Proposal first = nextProposal("tx1");
            when(builder.build()).thenReturn(first);
            org.hyperledger.fabric.client.Transaction transaction = mock(org.hyperledger.fabric.client.Transaction.class);
            when(first.endorse()).thenReturn(transaction);
            SubmitException refused = mock(SubmitException.class);
            when(refused.getStatus()).thenReturn(Status.UNAVAILABLE.withDescription("insufficient number of orderers"));
            when(refused.getTransactionId()).thenReturn("tx1");
            when(transaction.submitAsync()).thenThrow(refused);

            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> chaincode.submit(payment));

            assertThat(failure.phase()).isEqualTo(Phase.SUBMIT);
            assertThat(failure.code()).isEqualTo("UNAVAILABLE");
            verify(builder, times(1)).build();
            assertThat(chaincode.retries()).isZero();
        }

        @Test
        void anUnknownCommitStatusIsNeverRetried() throws Exception {
            Proposal first = nextProposal("tx1");
            when(builder.build()).thenReturn(first);
            org.hyperledger.fabric.client.Transaction transaction = mock(org.hyperledger.fabric.client.Transaction.class);
            SubmittedTransaction submitted = mock(SubmittedTransaction.class);
            when(first.endorse()).thenReturn(transaction);
            when(transaction.submitAsync()).thenReturn(submitted);
            when(submitted.getTransactionId()).thenReturn("tx1");
            CommitStatusException unknown = mock(CommitStatusException.class);
            when(unknown.getStatus()).thenReturn(Status.DEADLINE_EXCEEDED);
            when(unknown.getTransactionId()).thenReturn("tx1");
            when(submitted.getStatus()).thenThrow(unknown);

            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> chaincode.submit(payment));

            assertThat(failure.phase()).isEqualTo(Phase.COMMIT);
            assertThat(failure.source()).isEqualTo(LedgerFailure.Source.TRANSPORT);
            verify(transaction, times(1)).submitAsync();
            verify(builder, times(1)).build();
        }

        @Test
        void aDuplicateTransactionIdAtCommitIsNeverRetried() throws Exception {
            Proposal first = nextProposal("tx1");
            when(builder.build()).thenReturn(first);
            org.hyperledger.fabric.client.Status duplicate = status("tx1", TxValidationCode.DUPLICATE_TXID);
            org.hyperledger.fabric.client.Transaction transaction = endorsed("tx1", duplicate);
            when(first.endorse()).thenReturn(transaction);

            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> chaincode.submit(payment));

            assertThat(failure.code()).isEqualTo("DUPLICATE_TXID");
            assertThat(failure.source()).isEqualTo(LedgerFailure.Source.VALIDATION);
            verify(builder, times(1)).build();
        }
    }

    @Nested
    class RequestAlreadyProcessed {
        private final Commit commit = mock(Commit.class);
        private final List<byte[]> requests = new ArrayList<>();
        private final Chaincode following = new Chaincode(name -> contract, bytes -> {
            requests.add(bytes);
            return commit;
        }, policy);
        private org.hyperledger.fabric.client.Transaction transaction;

        @BeforeEach
        void anEndorsedPaymentRefusedBySmartBftOrderersThatAlreadyHaveIt() throws Exception {
            Proposal first = nextProposal("tx1");
            when(builder.build()).thenReturn(first);
            transaction = mock(org.hyperledger.fabric.client.Transaction.class);
            when(first.endorse()).thenReturn(transaction);
            when(transaction.getTransactionId()).thenReturn("tx1");
            when(transaction.getBytes()).thenReturn(prepared("community", "tx1", "LeaderMSP leader1").toByteArray());
            when(transaction.getResult()).thenReturn("{\"paid\":6300}".getBytes(StandardCharsets.UTF_8));
            SubmitException refused = mock(SubmitException.class);
            when(refused.getStatus()).thenReturn(Status.UNAVAILABLE.withDescription(
                    "insufficient number of orderers could successfully process transaction to satisfy quorum requirement"));
            when(refused.getDetails()).thenReturn(List.of(ErrorDetail.newBuilder().setMspId("CourierMSP")
                    .setAddress("orderer0.courier:7150")
                    .setMessage("received unsuccessful response from orderer: status=SERVICE_UNAVAILABLE, "
                            + "info=failed to submit request: request already processed").build()));
            when(transaction.submitAsync()).thenThrow(refused);
            when(commit.getTransactionId()).thenReturn("tx1");
        }

        private static PreparedTransaction prepared(String channel, String txId, String creator) {
            Header header = Header.newBuilder()
                    .setChannelHeader(ChannelHeader.newBuilder().setChannelId(channel).setTxId(txId).build().toByteString())
                    .setSignatureHeader(SignatureHeader.newBuilder()
                            .setCreator(ByteString.copyFromUtf8(creator)).build().toByteString())
                    .build();
            Envelope envelope = Envelope.newBuilder()
                    .setPayload(Payload.newBuilder().setHeader(header).build().toByteString()).build();
            return PreparedTransaction.newBuilder().setTransactionId(txId).setEnvelope(envelope).build();
        }

        @Test
        void isFollowedToItsCommitStatusAndAnswersWhenItCommitted() throws Exception {
            org.hyperledger.fabric.client.Status valid = status("tx1", TxValidationCode.VALID);
            when(commit.getStatus()).thenReturn(valid);

            Answer answer = following.submit(payment);

            assertThat(answer.transactionId()).isEqualTo("tx1");
            assertThat(answer.payload()).isEqualTo("{\"paid\":6300}");
            assertThat(requests).hasSize(1);
            CommitStatusRequest asked = CommitStatusRequest.parseFrom(
                    SignedCommitStatusRequest.parseFrom(requests.get(0)).getRequest());
            assertThat(asked.getChannelId()).isEqualTo("community");
            assertThat(asked.getTransactionId()).isEqualTo("tx1");
            assertThat(asked.getIdentity().toStringUtf8()).isEqualTo("LeaderMSP leader1");
            verify(transaction, times(1)).submitAsync();
            verify(builder, times(1)).build();
            assertThat(following.retries()).isZero();
        }

        @Test
        void whoseCommitStatusCannotBeLearnedIsAnUnknownOutcomeNeverSentAgain() throws Exception {
            CommitStatusException unknown = mock(CommitStatusException.class);
            when(unknown.getStatus()).thenReturn(Status.DEADLINE_EXCEEDED);
            when(unknown.getTransactionId()).thenReturn("tx1");
            when(commit.getStatus()).thenThrow(unknown);

            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> following.submit(payment));

            assertThat(failure.phase()).isEqualTo(Phase.COMMIT);
            assertThat(failure.source()).isEqualTo(LedgerFailure.Source.TRANSPORT);
            assertThat(failure.transactionId()).isEqualTo("tx1");
            verify(transaction, times(1)).submitAsync();
            verify(builder, times(1)).build();
        }

        @Test
        void isReportedAtSubmitWhenTheChaincodeCannotAskForCommitStatus() throws Exception {
            LedgerFailure failure = catchThrowableOfType(LedgerFailure.class, () -> chaincode.submit(payment));

            assertThat(failure.phase()).isEqualTo(Phase.SUBMIT);
            assertThat(failure.code()).isEqualTo("UNAVAILABLE");
            verify(transaction, times(1)).submitAsync();
        }
    }

    @Nested
    class Evaluate {
        @Test
        void anUnreachablePeerIsAskedAgainWithANewProposal() throws Exception {
            Proposal first = nextProposal("tx1");
            Proposal second = nextProposal("tx2");
            when(builder.build()).thenReturn(first, second);
            org.hyperledger.fabric.client.GatewayException down = mock(org.hyperledger.fabric.client.GatewayException.class);
            when(down.getStatus()).thenReturn(Status.UNAVAILABLE);
            when(first.evaluate()).thenThrow(down);
            when(second.evaluate()).thenReturn("{}".getBytes(StandardCharsets.UTF_8));

            assertThat(chaincode.evaluate(Invocation.of(Transaction.GET_GROUP_BUY, "GB-1")))
                    .isEqualTo(new Answer(Transaction.GET_GROUP_BUY, "tx2", "{}"));
            assertThat(chaincode.retries()).isEqualTo(1);
        }

        @Test
        void callPicksEvaluateForAQueryAndNeverEndorsesIt() throws Exception {
            Proposal first = nextProposal("tx1");
            when(builder.build()).thenReturn(first);
            when(first.evaluate()).thenReturn("{\"id\":\"GB-1\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(chaincode.call(Transaction.GET_GROUP_BUY, "GB-1").payload()).isEqualTo("{\"id\":\"GB-1\"}");
            verify(first, never()).endorse();
            verify(contract).newProposal("GetGroupBuy");
        }
    }
}
