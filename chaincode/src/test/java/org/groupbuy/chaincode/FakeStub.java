package org.groupbuy.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * An in-memory ledger for tests: world state, private collections, composite keys, partial-key queries with
 * paging, events, transaction id/time and transient data. Writes are applied at once (a chaincode that fails
 * must therefore write nothing itself) and the reads and writes of the current transaction are recorded.
 */
public final class FakeStub implements ChaincodeStub {
    final TreeMap<String, String> state = new TreeMap<>();
    final TreeMap<String, TreeMap<String, String>> privateData = new TreeMap<>();
    /** Writes of the current transaction: key to value, null for a delete. */
    final TreeMap<String, String> txWrites = new TreeMap<>();
    final TreeMap<String, String> txPrivateWrites = new TreeMap<>();
    /** Key-level endorsement policies (validation parameters) in state, and those the current transaction set. */
    final TreeMap<String, byte[]> policies = new TreeMap<>();
    final TreeMap<String, byte[]> txPolicies = new TreeMap<>();
    /** The value {@link #txPrivateWrites} records for a purged key. */
    static final String PURGED = "<purged>";
    /** Reads of the current transaction, in order: keys, range prefixes, private keys and the transient map. */
    final List<String> txReads = new ArrayList<>();
    final List<String[]> txEvents = new ArrayList<>();
    final List<String[]> allEvents = new ArrayList<>();
    private Map<String, byte[]> transientData = Map.of();
    private String txId = "tx0";
    private Instant time = Instant.parse("2026-04-10T08:00:00Z");

    /** Starts a new transaction: clears the per-transaction records. */
    public void begin(final String id, final Instant at, final Map<String, byte[]> transientMap) {
        txId = id;
        time = at;
        transientData = transientMap;
        txWrites.clear();
        txPrivateWrites.clear();
        txPolicies.clear();
        txReads.clear();
        txEvents.clear();
    }

    public static String key(final String type, final String... attrs) {
        return new CompositeKey(type, attrs).toString();
    }

    public String get(final String type, final String... attrs) {
        return state.get(key(type, attrs));
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public Instant getTxTimestamp() {
        return time;
    }

    @Override
    public Map<String, byte[]> getTransient() {
        txReads.add("transient");
        return transientData;
    }

    @Override
    public byte[] getState(final String key) {
        txReads.add("state " + key);
        final String v = state.get(key);
        return v == null ? null : v.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void putState(final String key, final byte[] value) {
        final String v = new String(value, StandardCharsets.UTF_8);
        state.put(key, v);
        txWrites.put(key, v);
    }

    @Override
    public void delState(final String key) {
        state.remove(key);
        policies.remove(key);
        txWrites.put(key, null);
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        final String[] e = {name, new String(payload, StandardCharsets.UTF_8)};
        txEvents.add(e);
        allEvents.add(e);
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        txReads.add("private " + collection + " " + key);
        final String v = privateData.getOrDefault(collection, new TreeMap<>()).get(key);
        return v == null ? null : v.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        final String v = new String(value, StandardCharsets.UTF_8);
        privateData.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, v);
        txPrivateWrites.put(collection + "|" + key, v);
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    private List<KeyValue> withPrefix(final String prefix, final String from) {
        final List<KeyValue> out = new ArrayList<>();
        for (final Map.Entry<String, String> e : state.tailMap(from.isEmpty() ? prefix : from, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.add(kv(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static KeyValue kv(final String key, final String value) {
        return new KeyValue() {
            @Override
            public String getKey() {
                return key;
            }

            @Override
            public byte[] getValue() {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String getStringValue() {
                return value;
            }
        };
    }

    /** Both iterator kinds of the shim over one list. */
    private interface Results extends QueryResultsIterator<KeyValue>, QueryResultsIteratorWithMetadata<KeyValue> {
    }

    private static Results iterator(final List<KeyValue> items, final String bookmark) {
        return new Results() {
            @Override
            public Iterator<KeyValue> iterator() {
                return items.iterator();
            }

            @Override
            public void close() {
            }

            @Override
            public QueryResponseMetadata getMetadata() {
                return QueryResponseMetadata.newBuilder().setBookmark(bookmark)
                        .setFetchedRecordsCount(items.size()).build();
            }
        };
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType,
            final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey key) {
        txReads.add("range " + key);
        return iterator(withPrefix(key.toString(), ""), "");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        txReads.add("range " + compositeKey);
        return iterator(withPrefix(compositeKey, ""), "");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey key, final int pageSize, final String bookmark) {
        txReads.add("range " + key + " from " + bookmark);
        final List<KeyValue> all = withPrefix(key.toString(), bookmark);
        final List<KeyValue> page = new ArrayList<>(all.subList(0, Math.min(pageSize, all.size())));
        return iterator(page, all.size() > pageSize ? all.get(pageSize).getKey() : "");
    }

    // ---- not used by the chaincode -------------------------------------------------------------------------

    @Override
    public List<byte[]> getArgs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> getStringArgs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getFunction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> getParameters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getChannelId() {
        return "community";
    }

    @Override
    public Chaincode.Response invokeChaincode(final String name, final List<byte[]> args, final String channel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        return policies.get(key);
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        policies.put(key, value.clone());
        txPolicies.put(key, value.clone());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(final String startKey,
            final String endKey, final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(final String query,
            final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    /** Removes the key from the collection; recorded as a private write of {@code PURGED}. */
    @Override
    public void purgePrivateData(final String collection, final String key) {
        privateData.computeIfAbsent(collection, c -> new TreeMap<>()).remove(key);
        txPrivateWrites.put(collection + "|" + key, PURGED);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(final String collection, final String startKey,
            final String endKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String compositeKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final CompositeKey key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String objectType, final String... attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ChaincodeEvent getEvent() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getCreator() {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getBinding() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getMspId() {
        return "LeaderMSP";
    }
}
