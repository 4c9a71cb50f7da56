package org.groupbuy.baseline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.groupbuy.statebatch.StateBatch;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The benchmark baseline: one put and one get, no rules. Deployed with the same endorsement
 * policy and deployment path as groupbuy, it shows what the platform itself costs. {@code PutMany}
 * is the batch yardstick: the least ledger work an import of n households can do (read n keys,
 * write n values of an order record's size), with no rules, in the same batched calls to the peer
 * ({@link StateBatch}) as groupbuy's import.
 */
@Contract(name = "KV")
@Default
public final class KeyValueContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void Put(final Context ctx, final String key, final String value) {
        if (key == null || key.isEmpty()) {
            throw new ChaincodeException("[INVALID_ARGUMENT] key must not be empty", "INVALID_ARGUMENT");
        }
        ctx.getStub().putState(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The most keys one PutMany writes: more than AddHouseholdOrders' 200 per batch, far below Fabric's limits. */
    static final int MAX_KEYS = 1000;
    /** The largest value PutMany writes per key, in bytes. */
    static final int MAX_VALUE_SIZE = 10_000;

    /**
     * Reads and writes {@code count} keys {@code prefix-000000} .. of {@code valueSize} bytes each (the
     * key, then 'x' up to the size), as an import reads whether each household exists and writes its order.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public int PutMany(final Context ctx, final String prefix, final int count, final int valueSize) {
        if (prefix == null || prefix.isEmpty()) {
            throw invalid("prefix must not be empty");
        }
        if (count < 1 || count > MAX_KEYS) {
            throw invalid(String.format(Locale.ROOT, "count must be 1-%d, got %d", MAX_KEYS, count));
        }
        if (valueSize < 1 || valueSize > MAX_VALUE_SIZE) {
            throw invalid(String.format(Locale.ROOT, "valueSize must be 1-%d bytes, got %d", MAX_VALUE_SIZE, valueSize));
        }
        final List<String> keys = new ArrayList<>(count);
        final List<WriteRecord> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final String key = String.format(Locale.ROOT, "%s-%06d", prefix, i);
            keys.add(key);
            writes.add(StateBatch.put("", key, value(key, valueSize)));
        }
        // read and written as groupbuy's import does: one round trip for the reads, one for the writes
        final StateBatch batch = StateBatch.of(ctx.getStub());
        batch.get(keys);
        batch.write(writes);
        return count;
    }

    private static byte[] value(final String key, final int size) {
        final byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        final byte[] head = key.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, value, 0, Math.min(head.length, size));
        return value;
    }

    private static ChaincodeException invalid(final String message) {
        return new ChaincodeException("[INVALID_ARGUMENT] " + message, "INVALID_ARGUMENT");
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx, final String key) {
        final byte[] value = ctx.getStub().getState(key);
        if (value == null || value.length == 0) {
            throw new ChaincodeException("[NOT_FOUND] no value for key " + key, "NOT_FOUND");
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
