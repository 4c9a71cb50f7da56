package org.groupbuy.chaincode.ledger;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.chaincode.domain.HouseholdDetails;

/**
 * The households' personal details as PutHouseholdDetails receives them: the transient key {@code details}, a JSON
 * object keyed by household, never written to the public ledger. Read and checked whole before anything is stored.
 */
public final class TransientDetails {
    public static final String KEY = "details";
    /** Optional transient key: the id of the {@link org.groupbuy.chaincode.domain.OrderBatch} the details belong to. */
    public static final String BATCH_KEY = "batch";

    private TransientDetails() {
    }

    /** Household -> its details, each validated; refuses a missing key, an empty or malformed object. */
    public static TreeMap<String, HouseholdDetails> read(final Map<String, byte[]> transientData) {
        final byte[] raw = transientData.get(KEY);
        ErrorCode.INVALID_ARGUMENT.check(raw != null, "transient key 'details' is missing; send "
                + "{\"H-001\":{\"name\":...,\"phone\":...,\"address\":...}} as transient data");
        final JsonElement tree = Json.tree(new String(raw, StandardCharsets.UTF_8), "transient details");
        ErrorCode.INVALID_ARGUMENT.check(tree.isJsonObject() && !tree.getAsJsonObject().isEmpty(),
                "transient details must be a non-empty JSON object keyed by household");
        final TreeMap<String, HouseholdDetails> details = new TreeMap<>();
        for (final Map.Entry<String, JsonElement> e : tree.getAsJsonObject().entrySet()) {
            final HouseholdDetails d = Json.parse(e.getValue().toString(), HouseholdDetails.class,
                    "details of " + e.getKey());
            d.validate(e.getKey());
            details.put(e.getKey(), d);
        }
        return details;
    }

    /** The batch the details were sent for (transient key {@code batch}, the batch's first household), or null. */
    public static String batch(final Map<String, byte[]> transientData) {
        final byte[] raw = transientData.get(BATCH_KEY);
        return raw == null ? null : Args.id(new String(raw, StandardCharsets.UTF_8), "transient batch");
    }
}
