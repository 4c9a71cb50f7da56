package org.groupbuy.client.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    private final ConsoleLedger ledger = mock(ConsoleLedger.class);
    private final LiveFeed feed = new LiveFeed(ledger);

    private static ChaincodeEvent event(String name, String payload, long block, String txId) {
        ChaincodeEvent event = mock(ChaincodeEvent.class);
        when(event.getEventName()).thenReturn(name);
        when(event.getPayload()).thenReturn(payload.getBytes(StandardCharsets.UTF_8));
        when(event.getBlockNumber()).thenReturn(block);
        when(event.getTransactionId()).thenReturn(txId);
        return event;
    }

    @Test
    void handsAGroupBuysEventsOnlyToThePagesOfThatGroupBuyWithTheirBlock() {
        List<JsonObject> gb7 = new ArrayList<>();
        List<JsonObject> gb8 = new ArrayList<>();
        feed.listen("GB-7", gb7::add);
        feed.listen("GB-8", gb8::add);

        feed.hand(event("GroupBuyPacked", "{\"type\":\"GroupBuyPacked\",\"id\":\"GB-7\",\"groupBuyId\":\"GB-7\"}", 12, "tx-1"));

        assertThat(gb7).singleElement().satisfies(p -> assertThat(p.get("blockNumber").getAsLong()).isEqualTo(12));
        assertThat(gb8).isEmpty();
        verify(ledger).rememberBlock("tx-1", 12);
    }

    @Test
    void aPageThatStoppedListeningGetsNothingMore() {
        List<JsonObject> seen = new ArrayList<>();
        LiveFeed.Listener listener = feed.listen("GB-7", seen::add);
        feed.stopListening(listener);

        feed.hand(event("GroupBuyPacked", "{\"groupBuyId\":\"GB-7\"}", 12, "tx-1"));

        assertThat(seen).isEmpty();
    }

    @Test
    void remembersTheCommunitiesRegisteredAndSkipsPayloadsThatAreNotJsonObjects() {
        feed.hand(event("CommunityRegistered", "{\"type\":\"CommunityRegistered\",\"id\":\"C2\"}", 3, "tx-2"));
        feed.hand(event("CommunityRegistered", "{\"type\":\"CommunityRegistered\",\"id\":\"C1\"}", 2, "tx-3"));
        feed.hand(event("Odd", "not json", 4, "tx-4"));

        assertThat(feed.communities()).containsExactly("C1", "C2");
        verify(ledger).rememberBlock("tx-4", 4);
    }
}
