package org.groupbuy.statebatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class StateBatchTest {
    private ChaincodeStub stub;
    private final List<ChaincodeMessage.Type> sentTypes = new ArrayList<>();
    private final List<ByteString> sentPayloads = new ArrayList<>();
    private final List<ByteString> answers = new ArrayList<>();
    private StateBatch batched;

    @BeforeEach
    void setUp() {
        stub = mock(ChaincodeStub.class);
        batched = new StateBatch(stub, (type, payload) -> {
            sentTypes.add(type);
            sentPayloads.add(payload);
            return answers.isEmpty() ? ByteString.EMPTY : answers.remove(0);
        });
    }

    private static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteString values(final String... values) {
        final GetStateMultipleResult.Builder result = GetStateMultipleResult.newBuilder();
        for (final String v : values) {
            result.addValues(ByteString.copyFromUtf8(v));
        }
        return result.build().toByteString();
    }

    @Nested
    class Get {
        @Test
        void asksForEveryKeyInOneMessageAndAnswersTheValuesInTheKeysOrder() throws Exception {
            answers.add(values("{\"a\":1}", ""));

            final List<byte[]> got = batched.get(List.of("k2", "k1"));

            assertThat(sentTypes).containsExactly(ChaincodeMessage.Type.GET_STATE_MULTIPLE);
            assertThat(GetStateMultiple.parseFrom(sentPayloads.get(0)).getKeysList()).containsExactly("k2", "k1");
            assertThat(GetStateMultiple.parseFrom(sentPayloads.get(0)).getCollection()).isEmpty();
            assertThat(got).hasSize(2);
            assertThat(new String(got.get(0), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            assertThat(got.get(1)).isEmpty();
            verifyNoInteractions(stub);
        }

        @Test
        void splitsMoreKeysThanThePeerTakesAtOnceIntoMessagesOfAtMostThatMany() throws Exception {
            final List<String> keys = IntStream.range(0, StateBatch.MAX_KEYS + 1).mapToObj(i -> "k" + i).toList();
            answers.add(filled(StateBatch.MAX_KEYS));
            answers.add(filled(1));

            final List<byte[]> got = batched.get(keys);

            assertThat(sentPayloads).hasSize(2);
            assertThat(GetStateMultiple.parseFrom(sentPayloads.get(0)).getKeysList())
                    .containsExactlyElementsOf(keys.subList(0, StateBatch.MAX_KEYS));
            assertThat(GetStateMultiple.parseFrom(sentPayloads.get(1)).getKeysList())
                    .containsExactly("k" + StateBatch.MAX_KEYS);
            assertThat(got).hasSize(StateBatch.MAX_KEYS + 1);
        }

        @Test
        void refusesAnAnswerWithAnotherNumberOfValuesThanKeys() {
            answers.add(values("v"));

            assertThatThrownBy(() -> batched.get(List.of("k1", "k2")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the peer answered 1 values for 2 keys");
        }

        @Test
        void withoutTheShimsStreamReadsEachKeyFromTheStub() {
            when(stub.getState("k1")).thenReturn(utf8("v1"));
            when(stub.getState("k2")).thenReturn(new byte[0]);

            final List<byte[]> got = StateBatch.of(stub).get(List.of("k1", "k2"));

            assertThat(new String(got.get(0), StandardCharsets.UTF_8)).isEqualTo("v1");
            assertThat(got.get(1)).isEmpty();
            assertThat(sentTypes).isEmpty();
        }

        private ByteString filled(final int n) {
            final String[] v = new String[n];
            java.util.Arrays.fill(v, "x");
            return values(v);
        }
    }

    @Nested
    class Write {
        private List<WriteRecord> records;

        @BeforeEach
        void someOfEveryKind() {
            records = List.of(StateBatch.put("", "order~g~h1", utf8("{}")), StateBatch.delete("pending~g"),
                    StateBatch.validationParameter("order~g~h1", new byte[] {1, 2}),
                    StateBatch.put("householdDetails", "details~g~h1", utf8("{\"n\":1}")),
                    StateBatch.purge("householdDetails", "details~g~h0"));
        }

        @Test
        void sendsEveryRecordInOneBatchInTheirOrder() throws Exception {
            batched.write(records);

            assertThat(sentTypes).containsExactly(ChaincodeMessage.Type.WRITE_BATCH_STATE);
            assertThat(WriteBatchState.parseFrom(sentPayloads.get(0)).getRecList()).containsExactlyElementsOf(records);
            verifyNoInteractions(stub);
        }

        @Test
        void writesTheKeyLevelPolicyUnderTheMetadataKeyTheShimUses() {
            final WriteRecord r = StateBatch.validationParameter("k", new byte[] {9});

            assertThat(r.getType()).isEqualTo(WriteRecord.Type.PUT_STATE_METADATA);
            assertThat(r.getMetadata().getMetakey()).isEqualTo("VALIDATION_PARAMETER");
            assertThat(r.getMetadata().getValue().toByteArray()).containsExactly(9);
            assertThat(r.getCollection()).isEmpty();
        }

        @Test
        void splitsMoreRecordsThanThePeerTakesAtOnceIntoBatchesOfAtMostThatMany() throws Exception {
            final List<WriteRecord> many = IntStream.range(0, StateBatch.MAX_RECORDS * 2 + 1)
                    .mapToObj(i -> StateBatch.put("", "k" + i, utf8("1"))).toList();

            batched.write(many);

            assertThat(sentPayloads).hasSize(3);
            assertThat(WriteBatchState.parseFrom(sentPayloads.get(2)).getRecList())
                    .containsExactly(StateBatch.put("", "k" + StateBatch.MAX_RECORDS * 2, utf8("1")));
        }

        @Test
        void withoutTheShimsStreamMakesTheSameWritesOneStubCallEach() {
            StateBatch.of(stub).write(records);

            final InOrder order = inOrder(stub);
            order.verify(stub).putState("order~g~h1", utf8("{}"));
            order.verify(stub).delState("pending~g");
            order.verify(stub).setStateValidationParameter("order~g~h1", new byte[] {1, 2});
            order.verify(stub).putPrivateData("householdDetails", "details~g~h1", utf8("{\"n\":1}"));
            order.verify(stub).purgePrivateData("householdDetails", "details~g~h0");
            order.verifyNoMoreInteractions();
            assertThat(sentTypes).isEmpty();
        }
    }
}
