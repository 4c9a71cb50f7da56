package org.groupbuy.client.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventWatchTest {
    @TempDir
    Path dir;
    private final Network network = mock(Network.class);
    private final ChaincodeEventsRequest.Builder builder = mock(ChaincodeEventsRequest.Builder.class, RETURNS_SELF);

    @BeforeEach
    void wireBuilder() {
        when(network.newChaincodeEventsRequest("groupbuy")).thenReturn(builder);
        when(builder.build()).thenReturn(mock(ChaincodeEventsRequest.class));
    }

    private static ChaincodeEvent event(long block, String txId, String name) {
        ChaincodeEvent event = mock(ChaincodeEvent.class);
        when(event.getBlockNumber()).thenReturn(block);
        when(event.getTransactionId()).thenReturn(txId);
        when(event.getEventName()).thenReturn(name);
        when(event.getPayload()).thenReturn("{\"id\":\"GB-7\"}".getBytes(StandardCharsets.UTF_8));
        return event;
    }

    private static CloseableIterator<ChaincodeEvent> iterator(ChaincodeEvent... events) {
        Iterator<ChaincodeEvent> items = List.of(events).iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public ChaincodeEvent next() {
                return items.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Nested
    class Resume {
        @Test
        void aSavedCheckpointWinsOverSince() throws Exception {
            Path file = dir.resolve("watch.json");
            try (FileCheckpointer first = new FileCheckpointer(file)) {
                EventWatch.stream(iterator(event(7, "tx-a", "Opened"), event(8, "tx-b", "Closed")), first, e -> { }, 0);
            }

            try (FileCheckpointer again = new FileCheckpointer(file)) {
                new EventWatch(network, "groupbuy").request(again, OptionalLong.of(2));

                assertThat(again.getBlockNumber()).hasValue(8);
                assertThat(again.getTransactionId()).hasValue("tx-b");
                assertThat(EventWatch.describeStart(again, OptionalLong.of(2)))
                        .isEqualTo("resuming from block 8 after transaction tx-b");
                verify(builder).checkpoint(again);
                verify(builder, never()).startBlock(anyLong());
            }
        }

        @Test
        void withoutACheckpointStartsAtSince() throws Exception {
            try (FileCheckpointer empty = new FileCheckpointer(dir.resolve("fresh.json"))) {
                new EventWatch(network, "groupbuy").request(empty, OptionalLong.of(5));

                verify(builder).startBlock(5);
                verify(builder, never()).checkpoint(empty);
                assertThat(EventWatch.describeStart(empty, OptionalLong.of(5))).isEqualTo("starting at block 5");
            }
        }
    }

    @Nested
    class Streaming {
        @Test
        void checkpointsOnlyEventsAlreadyShownAndStopsAtTheLimit() throws Exception {
            List<String> shown = new ArrayList<>();
            Path file = dir.resolve("limit.json");
            try (FileCheckpointer checkpointer = new FileCheckpointer(file)) {
                int count = EventWatch.stream(iterator(event(3, "tx-1", "Opened"), event(3, "tx-2", "Approved"),
                        event(4, "tx-3", "Closed")), checkpointer, e -> shown.add(e.getTransactionId()), 2);

                assertThat(count).isEqualTo(2);
                assertThat(shown).containsExactly("tx-1", "tx-2");
                assertThat(checkpointer.getBlockNumber()).hasValue(3);
                assertThat(checkpointer.getTransactionId()).hasValue("tx-2");
            }
        }

        @Test
        void printsOneJsonLinePerEvent() {
            assertThat(EventLine.json(event(9, "tx-9", "GroupBuyOpened"))).isEqualTo(
                    "{\"blockNumber\":9,\"transactionId\":\"tx-9\",\"eventName\":\"GroupBuyOpened\",\"payload\":{\"id\":\"GB-7\"}}");
        }
    }
}
