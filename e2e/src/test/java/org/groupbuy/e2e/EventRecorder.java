package org.groupbuy.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.groupbuy.client.events.EventWatch;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.FileCheckpointer;

/**
 * The CLI's watch (EventWatch with a FileCheckpointer) running in the background: every event it shows
 * is kept here, then checkpointed to the file, exactly as `groupbuy watch --checkpoint FILE` does.
 */
public final class EventRecorder implements AutoCloseable {
    /** One chaincode event as received. */
    public record Seen(long block, String txId, String name, JsonObject payload) {
        public String about() {
            return payload.has("groupBuyId") ? payload.get("groupBuyId").getAsString()
                    : payload.has("id") ? payload.get("id").getAsString() : "";
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final FileCheckpointer checkpointer;
    private final CloseableIterator<ChaincodeEvent> events;
    private final Thread reader;
    private volatile Throwable failure;

    private EventRecorder(Ledger ledger, Path checkpointFile, OptionalLong since) throws IOException {
        checkpointer = new FileCheckpointer(checkpointFile);
        events = new EventWatch(ledger.session().network(), ledger.session().settings().chaincode())
                .request(checkpointer, since).getEvents();
        reader = new Thread(this::read, "event-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts watching as LEDGER's user: after the checkpoint saved in the file or, when it holds none,
     * at the channel's current height (the next block to be cut), so no later event can slip by.
     */
    public static EventRecorder start(Ledger ledger, Path checkpointFile) throws IOException {
        return new EventRecorder(ledger, checkpointFile, OptionalLong.of(ledger.height()));
    }

    private void read() {
        try {
            EventWatch.stream(events, checkpointer, event -> seen.add(new Seen(event.getBlockNumber(),
                    event.getTransactionId(), event.getEventName(),
                    JsonParser.parseString(new String(event.getPayload(), StandardCharsets.UTF_8)).getAsJsonObject())), 0);
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Waits until some event matches, or fails after the timeout. */
    public void awaitEvent(Predicate<Seen> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (seen.stream().noneMatch(wanted)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such event within " + timeout + "; seen: " + names(seen)
                        + (failure == null ? "" : "; watch failed: " + failure));
            }
            Thread.sleep(100);
        }
    }

    /** The events about one group buy, in the order received. */
    public List<Seen> about(String groupBuyId) {
        return seen.stream().filter(s -> s.about().equals(groupBuyId)).toList();
    }

    public static List<String> names(List<Seen> events) {
        List<String> names = new ArrayList<>();
        events.forEach(e -> names.add(e.name()));
        return names;
    }

    /** Stops the stream and waits until the last shown event is checkpointed. */
    @Override
    public void close() throws IOException, InterruptedException {
        events.close();
        reader.join(10_000);
        checkpointer.close();
    }
}
