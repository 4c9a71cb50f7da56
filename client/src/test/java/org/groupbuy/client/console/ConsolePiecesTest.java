package org.groupbuy.client.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.OptionalLong;
import org.groupbuy.client.failure.CliFailure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsolePiecesTest {

    @Nested
    class HtmlText {
        @Test
        void escapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute() {
            assertThat(Html.text("<script>alert('x' & \"y\")</script>"))
                    .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
        }

        @Test
        void nullIsEmptyText() {
            assertThat(Html.text(null)).isEmpty();
        }

        @Test
        void linksEscapeTargetAndLabel() {
            assertThat(Html.link("/x?a=\"b\"", "<b>")).isEqualTo("<a href=\"/x?a=&quot;b&quot;\">&lt;b&gt;</a>");
        }
    }

    @Nested
    class Steps {
        private JsonObject record(String json) {
            return JsonParser.parseString(json).getAsJsonObject();
        }

        @Test
        void aDelayIncidentIsMarkedDelayAndAPositiveTestIncident() {
            assertThat(TimelineStep.of(record("{\"type\":\"IncidentReported\",\"details\":{\"incident\":\"DELAY\"}}"),
                    OptionalLong.empty(), "").mark()).isEqualTo("delay");
            assertThat(TimelineStep.of(record("{\"type\":\"IncidentReported\",\"details\":{\"incident\":\"POSITIVE_TEST\"}}"),
                    OptionalLong.empty(), "").mark()).isEqualTo("incident");
        }

        @Test
        void aDispatchAfterShipByIsADelayAndOneBeforeIsNot() {
            JsonObject dispatched = record("{\"type\":\"GroupBuyDispatched\",\"time\":\"2026-04-11T07:00:00Z\"}");
            assertThat(TimelineStep.of(dispatched, OptionalLong.empty(), "2026-04-11T06:00:00Z").mark()).isEqualTo("delay");
            assertThat(TimelineStep.of(dispatched, OptionalLong.empty(), "2026-04-11T08:00:00Z").mark()).isEmpty();
        }

        @Test
        void theItemShowsTransactionBlockAndEscapedLedgerText() {
            TimelineStep step = TimelineStep.of(record("{\"type\":\"CheckpointRecorded\",\"status\":\"IN_TRANSIT\","
                    + "\"actor\":\"CourierMSP/courier1\",\"org\":\"CourierMSP\",\"time\":\"2026-04-11T07:00:00Z\","
                    + "\"txId\":\"abc123\",\"details\":{\"note\":\"<img src=x onerror=alert(1)>\"}}"), OptionalLong.of(42), "");

            assertThat(step.html()).contains("data-tx=\"abc123\"", "<dt>Block</dt><dd>42</dd>",
                    "&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        }

        @Test
        void aStepWhoseBlockIsNotKnownYetSaysPending() {
            assertThat(TimelineStep.of(record("{\"type\":\"GroupBuyOpened\"}"), OptionalLong.empty(), "").json()
                    .get("block").getAsString()).isEqualTo("pending");
        }
    }

    @Nested
    class CommitmentExpiry {
        private final JsonObject commitment = JsonParser.parseString("{\"validUntil\":\"2026-07-01T00:00:00Z\","
                + "\"credentials\":[{\"expires\":\"2026-05-01T00:00:00Z\"},{\"expires\":\"2026-06-01T00:00:00Z\"}]}")
                .getAsJsonObject();

        @Test
        void expiresWithItsEarliestCredential() {
            assertThat(CommunityPage.expiry(commitment)).isEqualTo("2026-05-01T00:00:00Z");
        }

        @Test
        void isMarkedWithinSevenDaysAndNotBefore() {
            assertThat(CommunityPage.soon("2026-05-01T00:00:00Z", Instant.parse("2026-04-24T00:00:00Z"))).isTrue();
            assertThat(CommunityPage.soon("2026-05-01T00:00:00Z", Instant.parse("2026-04-23T23:59:59Z"))).isFalse();
        }
    }

    @Nested
    class Money {
        @Test
        void centsAreShownAsExactDecimals() {
            assertThat(MoneySummary.format(3500)).isEqualTo("35.00");
            assertThat(MoneySummary.format(7)).isEqualTo("0.07");
            assertThat(MoneySummary.format(-1050)).isEqualTo("-10.50");
        }
    }

    @Nested
    class Binding {
        @Test
        void loopbackNeedsNoProtection() {
            assertThat(Exposure.of("127.0.0.1", false, false).scheme()).isEqualTo("http");
        }

        @Test
        void anyOtherAddressWithoutTlsAndLoginIsRefusedNamingWhatIsMissing() {
            assertThatThrownBy(() -> Exposure.of("0.0.0.0", false, false)).isInstanceOf(CliFailure.class)
                    .hasMessageStartingWith("[INSECURE_BIND] --bind 0.0.0.0")
                    .hasMessageContaining("--tls-keystore").hasMessageContaining("--token-file");
            assertThatThrownBy(() -> Exposure.of("0.0.0.0", true, false)).hasMessageContaining("--token-file")
                    .hasMessageNotContaining("--tls-keystore");
            assertThatThrownBy(() -> Exposure.of("0.0.0.0", false, true)).hasMessageContaining("--tls-keystore")
                    .hasMessageNotContaining("--token-file");
        }

        @Test
        void anyOtherAddressWithTlsAndLoginIsAllowed() {
            assertThat(Exposure.of("0.0.0.0", true, true).scheme()).isEqualTo("https");
        }
    }

    @Nested
    class Token {
        private final TokenGate gate = new TokenGate("0123456789abcdef0123456789abcdef\n");

        @Test
        void aShortTokenIsRefused() {
            assertThatThrownBy(() -> new TokenGate("secret")).hasMessageStartingWith("[INVALID_ARGUMENT] the console token");
        }

        @Test
        void acceptsOnlyTheSameToken() {
            assertThat(gate.accepts("0123456789abcdef0123456789abcdef")).isTrue();
            assertThat(gate.accepts("0123456789abcdef0123456789abcdee")).isFalse();
            assertThat(gate.accepts(null)).isFalse();
        }

        @Test
        void isPresentedAsBearerOrCookie() {
            assertThat(TokenGate.presented("Bearer t1", null)).contains("t1");
            assertThat(TokenGate.presented(null, "a=b; groupbuy_console=t2")).contains("t2");
            assertThat(TokenGate.presented(null, "a=b")).isEmpty();
        }
    }
}
