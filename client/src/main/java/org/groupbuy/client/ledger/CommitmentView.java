package org.groupbuy.client.ledger;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A commitment as Commitment:Get returns it: who signed it, for which community, in which state. */
public record CommitmentView(String id, String community, String party, String status, JsonObject json) {

    static CommitmentView of(Answer answer) {
        JsonObject json = JsonParser.parseString(answer.payload()).getAsJsonObject();
        return new CommitmentView(JsonText.text(json, "id"), JsonText.text(json, "community"),
                JsonText.text(json, "party"), JsonText.text(json, "status"), json);
    }
}
