package org.groupbuy.chaincode.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.Caller;
import org.groupbuy.chaincode.domain.CustodyEvent;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.chaincode.domain.StepEndorsement;
import org.groupbuy.statebatch.StateBatch;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's view of the ledger. Reads go to the stub; writes are buffered and reach the stub only in
 * {@link #commit}, after every check has passed, so a failed call writes nothing.
 */
public final class Tx {
    public static final String DETAILS_COLLECTION = "householdDetails";
    private static final String DELETED = "";

    private final Context ctx;
    private final ChaincodeStub stub;
    private final StateBatch batch;
    private Caller caller;
    private Access access;
    private final TreeMap<String, String> writes = new TreeMap<>();
    private final TreeMap<String, String> privateWrites = new TreeMap<>();
    private final TreeMap<String, byte[]> keyPolicies = new TreeMap<>();
    private final TreeSet<String> privatePurges = new TreeSet<>();

    private Tx(final Context ctx) {
        this.ctx = ctx;
        this.stub = ctx.getStub();
        this.batch = StateBatch.of(stub);
    }

    /**
     * A transaction by the caller of {@code ctx}: derives the caller from its certificate and refuses it with
     * {@code [FORBIDDEN]} unless its role may call {@code access} at all. This comes first in every transaction,
     * before any argument is parsed or any key read, so a refused caller learns nothing about the ledger.
     */
    public static Tx of(final Context ctx, final Access access) {
        final Tx tx = new Tx(ctx);
        access.check(tx.caller());
        tx.access = access;
        return tx;
    }

    /** The transaction this is, as declared in {@link Access}. */
    public Access access() {
        return access;
    }

    public Caller caller() {
        if (caller == null) {
            caller = Caller.of(ctx.getClientIdentity());
        }
        return caller;
    }

    public Instant txTime() {
        return stub.getTxTimestamp();
    }

    public String txId() {
        return stub.getTxId();
    }

    public String key(final String type, final String... attributes) {
        return new CompositeKey(type, attributes).toString();
    }

    /** The record under that composite key, or null. */
    public <T> T find(final Class<T> type, final String objectType, final String... attributes) {
        final byte[] value = stub.getState(key(objectType, attributes));
        return value == null || value.length == 0 ? null : Json.read(utf8(value), type);
    }

    /**
     * Which of {@code lastAttributes} complete {@code objectType~prefix~...} to a key that holds a value, read in one
     * round trip for all of them.
     */
    public Set<String> present(final String objectType, final List<String> lastAttributes, final String... prefix) {
        final List<String> keys = new ArrayList<>(lastAttributes.size());
        for (final String last : lastAttributes) {
            final String[] attributes = Arrays.copyOf(prefix, prefix.length + 1);
            attributes[prefix.length] = last;
            keys.add(key(objectType, attributes));
        }
        final List<byte[]> values = batch.get(keys);
        final TreeSet<String> present = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != null && values.get(i).length > 0) {
                present.add(lastAttributes.get(i));
            }
        }
        return present;
    }

    /** The record under that composite key; {@code [NOT_FOUND]} naming {@code what} and the hint otherwise. */
    public <T> T get(final Class<T> type, final String what, final String hint, final String objectType,
            final String... attributes) {
        final T found = find(type, objectType, attributes);
        if (found == null) {
            throw ErrorCode.NOT_FOUND.error("%s %s does not exist; %s", what, String.join("/", attributes), hint);
        }
        return found;
    }

    /** Every record whose key starts with these attributes, in key order. */
    public <T> List<T> all(final Class<T> type, final String objectType, final String... partial) {
        final List<T> out = new ArrayList<>();
        for (final KeyValue kv : scan(objectType, partial)) {
            out.add(Json.read(kv.getStringValue(), type));
        }
        return out;
    }

    /** The trailing attribute of every key starting with these attributes, in key order. */
    public List<String> lastAttributes(final String objectType, final String... partial) {
        final List<String> out = new ArrayList<>();
        for (final KeyValue kv : scan(objectType, partial)) {
            final List<String> attrs = CompositeKey.parseCompositeKey(kv.getKey()).getAttributes();
            out.add(attrs.get(attrs.size() - 1));
        }
        return out;
    }

    private List<KeyValue> scan(final String objectType, final String... partial) {
        final List<KeyValue> out = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = stub.getStateByPartialCompositeKey(objectType, partial)) {
            it.forEach(out::add);
        } catch (Exception e) {
            throw new IllegalStateException("range scan " + objectType + " failed", e);
        }
        return out;
    }

    /** A page of keys starting with these attributes: the trailing attributes and the next bookmark. */
    public Page page(final int pageSize, final String bookmark, final String objectType, final String... partial) {
        Args.atLeast(pageSize, 1, "pageSize");
        ErrorCode.INVALID_ARGUMENT.check(pageSize <= 200, "pageSize must be at most 200, got %d", pageSize);
        final List<String> ids = new ArrayList<>();
        final CompositeKey prefix = new CompositeKey(objectType, partial);
        try (QueryResultsIteratorWithMetadata<KeyValue> it =
                stub.getStateByPartialCompositeKeyWithPagination(prefix, pageSize, bookmark == null ? "" : bookmark)) {
            for (final KeyValue kv : it) {
                final List<String> attrs = CompositeKey.parseCompositeKey(kv.getKey()).getAttributes();
                ids.add(attrs.get(attrs.size() - 1));
            }
            return new Page(ids, it.getMetadata().getBookmark());
        } catch (Exception e) {
            throw new IllegalStateException("paged scan " + objectType + " failed", e);
        }
    }

    /** A page: the ids found and where the next page starts (empty when there is none). */
    public record Page(List<String> ids, String bookmark) {
    }

    public void put(final Object value, final String objectType, final String... attributes) {
        writes.put(key(objectType, attributes), Json.write(value));
    }

    /**
     * A record a party's step may change: written with the key's endorsement policy for its next change (see
     * {@link StepEndorsement}), which the peers check at validation instead of the chaincode's MAJORITY.
     */
    public void put(final Object value, final StepEndorsement next, final String objectType,
            final String... attributes) {
        put(value, objectType, attributes);
        keyPolicies.put(key(objectType, attributes), KeyPolicy.bytes(next));
    }

    /** An index entry: the key is the information, the value only marks it present. */
    public void index(final String objectType, final String... attributes) {
        writes.put(key(objectType, attributes), "1");
    }

    public void delete(final String objectType, final String... attributes) {
        writes.put(key(objectType, attributes), DELETED);
        keyPolicies.remove(key(objectType, attributes));
    }

    public void putPrivate(final String key, final String json) {
        privateWrites.put(key, json);
    }

    /**
     * Purges a key of the collection: its value and every earlier version leave the private data store of every
     * member peer, and its hash leaves every peer's state, when this transaction commits.
     */
    public void purgePrivate(final String key) {
        privatePurges.add(key);
    }

    public String getPrivate(final String key) {
        final byte[] value = stub.getPrivateData(DETAILS_COLLECTION, key);
        return value == null || value.length == 0 ? null : utf8(value);
    }

    public Map<String, byte[]> transientData() {
        final Map<String, byte[]> data = stub.getTransient();
        return data == null ? Map.of() : data;
    }

    /** A custody event for this transaction about record {@code kind~id}, by the caller, at the transaction time. */
    public CustodyEvent event(final String kind, final String type, final String id, final Object status) {
        return new CustodyEvent(kind, type, id, String.valueOf(status), caller(), txId(), txTime().toString());
    }

    /**
     * Writes everything buffered, the trace record of the event and its evidence citations, then the one
     * chaincode event. Returns the response JSON.
     */
    public String commit(final CustodyEvent event, final Object response) {
        final String payload = Json.write(event);
        // Locale.ROOT: a peer started with another default locale (fa, th-TH-u-nu-thai) would write other digits
        put(event, "trace", event.subject(), event.subjectKind(), String.format(Locale.ROOT, "%015d",
                txTime().toEpochMilli()), txId());
        for (final String hash : event.evidenceHashes()) {
            put(new Citation(event.type(), event.subject(), txId(), event.time()), "evidence", hash, txId(),
                    event.subject());
        }
        return commitPrivateOnly(event, payload, response);
    }

    /**
     * Writes only the buffered writes (no public trace): for transactions that must touch only a collection. All of
     * them go to the peer in one batch ({@link StateBatch}), in the order the per-key calls used to take: state,
     * key-level policies, private values, purges.
     */
    public String commitPrivateOnly(final CustodyEvent event, final String payload, final Object response) {
        final List<WriteRecord> records = new ArrayList<>();
        writes.forEach((k, v) -> records.add(DELETED.equals(v) ? StateBatch.delete(k)
                : StateBatch.put("", k, v.getBytes(StandardCharsets.UTF_8))));
        keyPolicies.forEach((k, policy) -> records.add(StateBatch.validationParameter(k, policy)));
        privateWrites.forEach((k, v) -> records.add(StateBatch.put(DETAILS_COLLECTION, k,
                v.getBytes(StandardCharsets.UTF_8))));
        privatePurges.forEach(k -> records.add(StateBatch.purge(DETAILS_COLLECTION, k)));
        batch.write(records);
        stub.setEvent(event.type(), payload.getBytes(StandardCharsets.UTF_8));
        return Json.write(response);
    }

    /** What {@code Audit:VerifyEvidence} returns for each record citing a hash. */
    public record Citation(String kind, String id, String txId, String time) {
    }

    static String utf8(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
