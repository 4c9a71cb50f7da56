package org.groupbuy.chaincode.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One state change: the chaincode event payload and, the same bytes, the trace record of its subject.
 * It never carries personal details: households appear only by their pseudonymous reference.
 */
public final class CustodyEvent {
    /** The kind of record {@code id} is, as its key type ("commitment", "dispute", ...); the payload leaves it out. */
    private final transient String kind;
    private final String type;
    private final String id;
    private final String status;
    private final String actor;
    private final String org;
    private final String role;
    private String groupBuyId;
    private String household;
    private final String txId;
    private final String time;
    private final TreeMap<String, String> details = new TreeMap<>();
    private final List<String> evidence = new ArrayList<>();

    public CustodyEvent(final String kind, final String type, final String id, final String status,
            final Caller actor, final String txId, final String time) {
        this.kind = kind;
        this.type = type;
        this.id = id;
        this.status = status;
        this.actor = actor.party();
        this.org = actor.mspId();
        this.role = actor.role().attribute();
        this.txId = txId;
        this.time = time;
    }

    public CustodyEvent groupBuy(final String groupBuy) {
        this.groupBuyId = groupBuy;
        return this;
    }

    public CustodyEvent household(final String ref) {
        this.household = ref;
        return this;
    }

    public CustodyEvent detail(final String key, final Object value) {
        if (value != null) {
            details.put(key, String.valueOf(value));
        }
        return this;
    }

    public CustodyEvent evidence(final String hash) {
        if (hash != null && !evidence.contains(hash)) {
            evidence.add(hash);
        }
        return this;
    }

    public String type() {
        return type;
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public String household() {
        return household;
    }

    public String txId() {
        return txId;
    }

    public String time() {
        return time;
    }

    public List<String> evidenceHashes() {
        return evidence;
    }

    /** The record whose trace this event extends: its group buy if any, else its own id. */
    public String subject() {
        return groupBuyId != null ? groupBuyId : id;
    }

    /** The kind of the {@link #subject}: records of different kinds may share an id, never a trace. */
    public String subjectKind() {
        return groupBuyId != null ? "groupbuy" : kind;
    }
}
