package org.groupbuy.statebatch;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.MetaDataKeys;
import org.hyperledger.fabric.protos.peer.StateMetadata;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.impl.ShimStream;

/**
 * One transaction's reads of many keys and all of its writes, in as few round trips to the peer as it takes: a Fabric
 * 3.1 peer reads up to {@link #MAX_KEYS} keys in one {@code GET_STATE_MULTIPLE} and applies up to
 * {@link #MAX_RECORDS} writes in one {@code WRITE_BATCH_STATE}, where one call per key cost an import of 200
 * households 600 round trips (read, write, key-level policy per order). The peer applies a batch exactly as the same
 * calls one by one, so the read and write sets, and every endorser's bytes, do not depend on the way taken. When the
 * stub is not the shim's (unit tests), the same records go to the stub one call each.
 *
 * <p>Shared by the groupbuy chaincode and the kvbaseline yardstick, so both use the platform the same way.
 */
public final class StateBatch {
    /** Keys per read; the peer's own default for a batch, {@code chaincode.runtimeParams.maxSizeGetMultipleKeys}. */
    public static final int MAX_KEYS = 1000;
    /** Writes per batch; the peer's own default, {@code chaincode.runtimeParams.maxSizeWriteBatch}. */
    public static final int MAX_RECORDS = 1000;

    /** Sends one message of a type to the peer and returns its answer. */
    @FunctionalInterface
    public interface Link {
        ByteString call(ChaincodeMessage.Type type, ByteString payload);
    }

    private final ChaincodeStub stub;
    private final Link link;

    public StateBatch(final ChaincodeStub stub, final Link link) {
        this.stub = stub;
        this.link = link;
    }

    /** Batched through the shim's stream when {@code stub} is the shim's, else one stub call per key. */
    public static StateBatch of(final ChaincodeStub stub) {
        return new StateBatch(stub, ShimStream.of(stub).<Link>map(stream -> stream::call).orElse(null));
    }

    /** The values of {@code keys} in their order; an absent key has an empty value, as from {@code getState}. */
    public List<byte[]> get(final List<String> keys) {
        final List<byte[]> values = new ArrayList<>(keys.size());
        if (link == null) {
            keys.forEach(key -> values.add(stub.getState(key)));
            return values;
        }
        for (final List<String> chunk : chunks(keys, MAX_KEYS)) {
            final ByteString answer = link.call(ChaincodeMessage.Type.GET_STATE_MULTIPLE,
                    GetStateMultiple.newBuilder().addAllKeys(chunk).build().toByteString());
            final GetStateMultipleResult result = parse(answer);
            if (result.getValuesCount() != chunk.size()) {
                throw new IllegalStateException("the peer answered " + result.getValuesCount() + " values for "
                        + chunk.size() + " keys");
            }
            result.getValuesList().forEach(value -> values.add(value.toByteArray()));
        }
        return values;
    }

    /** Applies {@code records} in their order. */
    public void write(final List<WriteRecord> records) {
        if (link == null) {
            records.forEach(this::applyOne);
            return;
        }
        for (final List<WriteRecord> chunk : chunks(records, MAX_RECORDS)) {
            link.call(ChaincodeMessage.Type.WRITE_BATCH_STATE,
                    WriteBatchState.newBuilder().addAllRec(chunk).build().toByteString());
        }
    }

    public static WriteRecord put(final String collection, final String key, final byte[] value) {
        return record(WriteRecord.Type.PUT_STATE, collection, key).setValue(ByteString.copyFrom(value)).build();
    }

    public static WriteRecord delete(final String key) {
        return record(WriteRecord.Type.DEL_STATE, "", key).build();
    }

    public static WriteRecord purge(final String collection, final String key) {
        return record(WriteRecord.Type.PURGE_PRIVATE_DATA, collection, key).build();
    }

    /** The key's endorsement policy for its next change, as {@code setStateValidationParameter} writes it. */
    public static WriteRecord validationParameter(final String key, final byte[] policy) {
        return record(WriteRecord.Type.PUT_STATE_METADATA, "", key).setMetadata(StateMetadata.newBuilder()
                .setMetakey(MetaDataKeys.VALIDATION_PARAMETER.toString()).setValue(ByteString.copyFrom(policy)))
                .build();
    }

    private static WriteRecord.Builder record(final WriteRecord.Type type, final String collection,
            final String key) {
        return WriteRecord.newBuilder().setType(type).setCollection(collection).setKey(key);
    }

    private void applyOne(final WriteRecord r) {
        final boolean collection = !r.getCollection().isEmpty();
        switch (r.getType()) {
            case PUT_STATE -> {
                if (collection) {
                    stub.putPrivateData(r.getCollection(), r.getKey(), r.getValue().toByteArray());
                } else {
                    stub.putState(r.getKey(), r.getValue().toByteArray());
                }
            }
            case DEL_STATE -> stub.delState(r.getKey());
            case PURGE_PRIVATE_DATA -> stub.purgePrivateData(r.getCollection(), r.getKey());
            case PUT_STATE_METADATA -> stub.setStateValidationParameter(r.getKey(),
                    r.getMetadata().getValue().toByteArray());
            default -> throw new IllegalArgumentException("no such write: " + r.getType());
        }
    }

    private static GetStateMultipleResult parse(final ByteString answer) {
        try {
            return GetStateMultipleResult.parseFrom(answer);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("the peer's answer to GET_STATE_MULTIPLE is not a GetStateMultipleResult",
                    e);
        }
    }

    private static <T> List<List<T>> chunks(final List<T> all, final int size) {
        final List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            out.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return out;
    }
}
