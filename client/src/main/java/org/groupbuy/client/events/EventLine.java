package org.groupbuy.client.events;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.ChaincodeEvent;

/** How one chaincode event is printed: a readable line, or one JSON object per line. */
public final class EventLine {
    private EventLine() {
    }

    public static String text(ChaincodeEvent event) {
        String txId = event.getTransactionId();
        return String.format("block %-6d tx %s  %-24s %s", event.getBlockNumber(),
                txId.length() > 12 ? txId.substring(0, 12) : txId, event.getEventName(), payloadText(event));
    }

    public static String json(ChaincodeEvent event) {
        JsonObject line = new JsonObject();
        line.addProperty("blockNumber", event.getBlockNumber());
        line.addProperty("transactionId", event.getTransactionId());
        line.addProperty("eventName", event.getEventName());
        line.add("payload", payload(event));
        return line.toString();
    }

    private static String payloadText(ChaincodeEvent event) {
        return new String(event.getPayload(), StandardCharsets.UTF_8);
    }

    private static JsonElement payload(ChaincodeEvent event) {
        String text = payloadText(event);
        try {
            return text.isBlank() ? new JsonPrimitive("") : JsonParser.parseString(text);
        } catch (JsonSyntaxException e) {
            return new JsonPrimitive(text);
        }
    }
}
