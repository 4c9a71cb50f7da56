package org.groupbuy.client.ledger;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A group buy as Audit:GetGroupBuy returns it: the fields callers branch on, and the whole JSON. */
public record GroupBuyView(String id, String community, String leader, String supplier, String status,
                           int households, long orderedAmountCents, JsonObject json) {

    static GroupBuyView of(Answer answer) {
        JsonObject json = JsonParser.parseString(answer.payload()).getAsJsonObject();
        return new GroupBuyView(JsonText.text(json, "id"), JsonText.text(json, "community"),
                JsonText.text(json, "leader"), JsonText.text(json, "supplier"), JsonText.text(json, "status"),
                (int) JsonText.number(json, "households"), JsonText.number(json, "orderedAmountCents"), json);
    }
}
