package org.groupbuy.client.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One chaincode transaction with its arguments, e.g. {@code GroupBuy:Close("GB-7")}; optionally
 * with transient data and the orgs whose peers alone may endorse it.
 */
public record Invocation(Transaction transaction, List<String> arguments, Map<String, byte[]> transientData,
                         List<String> endorsingMspIds) {

    public Invocation {
        arguments = List.copyOf(arguments);
        transientData = Map.copyOf(transientData);
        endorsingMspIds = List.copyOf(endorsingMspIds);
    }

    public static Invocation of(Transaction transaction, String... arguments) {
        return new Invocation(transaction, List.of(arguments), Map.of(), List.of());
    }

    /** The same call with {@code key} = {@code json} as transient data (never written to a block). */
    public Invocation withTransient(String key, String json) {
        Map<String, byte[]> data = new TreeMap<>(transientData);
        data.put(key, json.getBytes(StandardCharsets.UTF_8));
        return new Invocation(transaction, arguments, data, endorsingMspIds);
    }

    /** The same call with raw transient data. */
    public Invocation withTransient(Map<String, byte[]> data) {
        Map<String, byte[]> all = new TreeMap<>(transientData);
        all.putAll(data);
        return new Invocation(transaction, arguments, all, endorsingMspIds);
    }

    /** The same call endorsed only by these orgs' peers (e.g. for private data). */
    public Invocation endorsedBy(String... mspIds) {
        return new Invocation(transaction, arguments, transientData, List.of(mspIds));
    }

    String[] argumentArray() {
        return arguments.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return transaction.qualifiedName() + arguments;
    }
}
