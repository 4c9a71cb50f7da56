package org.groupbuy.baseline;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The benchmark baseline: one put and one get, no rules. Deployed with the same endorsement
 * policy and deployment path as groupbuy, it shows what the platform itself costs.
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

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx, final String key) {
        final byte[] value = ctx.getStub().getState(key);
        if (value == null || value.length == 0) {
            throw new ChaincodeException("[NOT_FOUND] no value for key " + key, "NOT_FOUND");
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
