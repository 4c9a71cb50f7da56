package org.groupbuy.client.console;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.groupbuy.client.events.EventWatch;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.InMemoryCheckpointer;

/**
 * The chaincode's event stream, read once for the whole console from block 0 and checkpointed in
 * memory: after a broken stream it resumes after the last event it handed on, missing none. Each
 * event records its transaction's block for the timelines, names the communities seen, and goes to
 * the pages that listen to its group buy.
 */
public final class LiveFeed implements AutoCloseable {
    private static final long RETRY_MILLIS = 2_000;
    private final ConsoleLedger ledger;
    private final InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
    private final Set<String> communities = new ConcurrentSkipListSet<>();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    /** One page listening to the events of one record (group buy, commitment or community id). */
    public record Listener(String id, Consumer<JsonObject> sink) {
    }

    public LiveFeed(ConsoleLedger ledger) {
        this.ledger = ledger;
        this.reader = new Thread(this::read, "console-live-feed");
        this.reader.setDaemon(true);
    }

    public LiveFeed start() {
        reader.start();
        return this;
    }

    /** Communities registered on the ledger so far (in id order). */
    public SortedSet<String> communities() {
        return new TreeSet<>(communities);
    }

    public Listener listen(String id, Consumer<JsonObject> sink) {
        Listener listener = new Listener(id, sink);
        listeners.add(listener);
        return listener;
    }

    public void stopListening(Listener listener) {
        listeners.remove(listener);
    }

    private void read() {
        while (!closed) {
            try {
                EventWatch.stream(ledger.events(checkpointer).getEvents(), checkpointer, this::hand, 0);
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                System.err.println("console: event stream interrupted (" + e.getClass().getSimpleName()
                        + "); resuming from its checkpoint in 2 s");
            }
            pause();
        }
    }

    void hand(ChaincodeEvent event) {
        ledger.rememberBlock(event.getTransactionId(), event.getBlockNumber());
        JsonObject payload;
        try {
            payload = JsonParser.parseString(new String(event.getPayload(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return;
        }
        payload.addProperty("blockNumber", event.getBlockNumber());
        if ("CommunityRegistered".equals(event.getEventName())) {
            communities.add(TimelineStep.text(payload, "id"));
        }
        String subject = payload.has("groupBuyId") ? TimelineStep.text(payload, "groupBuyId") : TimelineStep.text(payload, "id");
        for (Listener listener : listeners) {
            if (listener.id().equals(subject)) {
                listener.sink().accept(payload);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
