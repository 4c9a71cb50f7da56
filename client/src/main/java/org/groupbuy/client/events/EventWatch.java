package org.groupbuy.client.events;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;

/**
 * Streams the chaincode's events from where the last run stopped. A saved checkpoint wins over
 * --since; each event is checkpointed only after it was shown, so none is missed across restarts.
 */
public final class EventWatch {
    private final Network network;
    private final String chaincode;

    public EventWatch(Network network, String chaincode) {
        this.network = network;
        this.chaincode = chaincode;
    }

    /** Builds the events request: resume after the checkpoint if it holds a position, else from --since. */
    public ChaincodeEventsRequest request(Checkpoint checkpoint, OptionalLong since) {
        ChaincodeEventsRequest.Builder builder = network.newChaincodeEventsRequest(chaincode);
        if (checkpoint.getBlockNumber().isPresent()) {
            builder.checkpoint(checkpoint);
        } else if (since.isPresent()) {
            builder.startBlock(since.getAsLong());
        }
        return builder.build();
    }

    /** Where the stream starts, for the user. */
    public static String describeStart(Checkpoint checkpoint, OptionalLong since) {
        if (checkpoint.getBlockNumber().isPresent()) {
            return "resuming from block " + checkpoint.getBlockNumber().getAsLong()
                    + checkpoint.getTransactionId().map(tx -> " after transaction " + tx).orElse("");
        }
        return since.isPresent() ? "starting at block " + since.getAsLong() : "starting with the next block";
    }

    /**
     * Hands each event to the printer, then records it in the checkpointer; stops after limit events
     * (0 = no limit) or when the stream ends. Returns how many events were shown.
     */
    public static int stream(CloseableIterator<ChaincodeEvent> events, Checkpointer checkpointer,
                             Consumer<ChaincodeEvent> printer, int limit) throws IOException {
        int shown = 0;
        try (events) {
            while ((limit == 0 || shown < limit) && events.hasNext()) {
                ChaincodeEvent event = events.next();
                printer.accept(event);
                checkpointer.checkpointChaincodeEvent(event);
                shown++;
            }
        }
        return shown;
    }
}
