package org.groupbuy.client.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleServerTest {
    private static final String GB = "{\"id\":\"GB-7\",\"community\":\"C1\",\"status\":\"PACKED\",\"leader\":\"LeaderMSP/leader1\","
            + "\"supplier\":\"SupplierMSP/supplier1\",\"items\":[{\"sku\":\"VEG\",\"name\":\"<b>Veg</b>\",\"category\":\"GUARANTEE\","
            + "\"unitPriceCents\":3500}],\"orderedAmountCents\":7000,\"lots\":[{\"sku\":\"VEG\",\"lot\":\"L1\",\"quantity\":2}]}";
    private static final String TRACE = "[{\"type\":\"GroupBuyPacked\",\"status\":\"PACKED\",\"actor\":\"SupplierMSP/supplier1\","
            + "\"org\":\"SupplierMSP\",\"time\":\"2026-04-11T05:00:00Z\",\"txId\":\"tx-pack\",\"evidence\":[\"" + "a".repeat(64)
            + "\"]},{\"type\":\"PaymentRecorded\",\"status\":\"PACKED\",\"actor\":\"LeaderMSP/leader1\",\"org\":\"LeaderMSP\","
            + "\"household\":\"H-001\",\"time\":\"2026-04-11T06:00:00Z\",\"txId\":\"tx-pay\",\"details\":{\"amountCents\":7000}}]";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ConsoleLedger ledger = mock(ConsoleLedger.class);
    private ConsoleServer server;

    private void start(String role, Optional<TokenGate> gate) throws Exception {
        when(ledger.party()).thenReturn("RegulatorMSP/regulator1");
        when(ledger.role()).thenReturn(role);
        when(ledger.community()).thenReturn(Optional.empty());
        when(ledger.blockOf(anyString())).thenReturn(OptionalLong.of(9));
        when(ledger.groupBuy("GB-7")).thenReturn(JsonParser.parseString(GB));
        when(ledger.trace("GB-7")).thenReturn(JsonParser.parseString(TRACE));
        when(ledger.householdOrders("GB-7")).thenReturn(JsonParser.parseString(
                "{\"records\":[{\"household\":\"H-001\",\"status\":\"CONFIRMED\",\"amountCents\":7000}]}"));
        when(ledger.householdTrace("GB-7", "H-001")).thenReturn(JsonParser.parseString(
                "{\"order\":{\"household\":\"H-001\",\"status\":\"CONFIRMED\",\"amountCents\":7000},\"events\":[]}"));
        when(ledger.householdDetails("GB-7", "H-001")).thenReturn(JsonParser.parseString(
                "{\"name\":\"Zhou Xiuying\",\"phone\":\"13800138001\",\"address\":\"Room 402\"}"));
        server = ConsoleServer.start(ledger, new LiveFeed(ledger), new InetSocketAddress("127.0.0.1", 0), Optional.empty(),
                gate, Clock.fixed(Instant.parse("2026-04-11T00:00:00Z"), ZoneOffset.UTC),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class GroupBuyPageServed {
        @Test
        void showsTheTimelineWithTransactionsBlocksAndMoneyAndForbidsCaching() throws Exception {
            start("regulator", Optional.empty());

            HttpResponse<String> page = get("/group-buys/GB-7");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src 'self'");
            assertThat(page.body()).contains("data-tx=\"tx-pack\"", "data-tx=\"tx-pay\"", "<dt>Block</dt><dd>9</dd>",
                    "Collected from households", "70.00", "L1", "&lt;b&gt;Veg&lt;/b&gt;", "id=\"verify-file\"")
                    .doesNotContain("<b>Veg</b>");
            assertThat(page.body().indexOf("tx-pack")).isLessThan(page.body().indexOf("tx-pay"));
        }

        @Test
        void logsTheRouteButNeverThePathOrIds() throws Exception {
            start("regulator", Optional.empty());

            get("/group-buys/GB-7/households/H-001");

            // the client has the whole response once its body is written; the server logs the request just after
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (log.size() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("console: GET household 200")
                    .doesNotContain("GB-7").doesNotContain("H-001");
        }

        @Test
        void aRefusalOfTheLedgerBecomesItsHttpStatusWithTheChaincodesMessage() throws Exception {
            start("regulator", Optional.empty());
            when(ledger.groupBuy("GB-8")).thenThrow(new ConsoleRefusal("[NOT_FOUND] group buy GB-8 does not exist"));

            HttpResponse<String> page = get("/group-buys/GB-8");

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("[NOT_FOUND] group buy GB-8 does not exist");
        }

        @Test
        void anUnknownPathIsNotFoundAndWritesAreRefused() throws Exception {
            start("regulator", Optional.empty());

            assertThat(get("/group-buys/GB-7/../../etc/passwd").statusCode()).isEqualTo(404);
            assertThat(post("/group-buys/GB-7", "x").statusCode()).isEqualTo(405);
        }
    }

    @Nested
    class HouseholdDetails {
        @Test
        void areShownToTheCommittee() throws Exception {
            start("committee", Optional.empty());

            assertThat(get("/group-buys/GB-7/households/H-001").body()).contains("id=\"household-details\"",
                    "Zhou Xiuying", "13800138001");
        }

        @Test
        void areNeverAskedForWhenTheConsoleActsAsASupplier() throws Exception {
            start("supplier", Optional.empty());

            assertThat(get("/group-buys/GB-7/households/H-001").body()).contains("id=\"no-details\"")
                    .doesNotContain("Zhou Xiuying");
            verify(ledger, never()).householdDetails(anyString(), anyString());
        }
    }

    @Nested
    class Verify {
        @Test
        void asksVerifyEvidenceAndAnswersItsCitations() throws Exception {
            start("regulator", Optional.empty());
            String hash = "b".repeat(64);
            when(ledger.verifyEvidence(hash)).thenReturn(JsonParser.parseString("{\"sha256\":\"" + hash
                    + "\",\"cited\":true,\"records\":[{\"kind\":\"groupbuy\",\"id\":\"GB-7\",\"txId\":\"tx-pack\"}]}"));

            HttpResponse<String> answer = post("/verify", hash, "X-Console", "verify");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("citations").get(0)
                    .getAsJsonObject().get("txId").getAsString()).isEqualTo("tx-pack");
        }

        @Test
        void refusesARequestThatDidNotComeFromTheConsolesPage() throws Exception {
            start("regulator", Optional.empty());

            assertThat(post("/verify", "b".repeat(64)).statusCode()).isEqualTo(403);
            verify(ledger, never()).verifyEvidence(anyString());
        }

        @Test
        void refusesSomethingThatIsNotASha256() throws Exception {
            start("regulator", Optional.empty());

            HttpResponse<String> answer = post("/verify", "not-a-hash", "X-Console", "verify");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("[INVALID_ARGUMENT]");
        }
    }

    @Nested
    class Login {
        private final TokenGate gate = new TokenGate("0123456789abcdef0123456789abcdef");

        @Test
        void withoutTheTokenEveryPageSendsTheBrowserToTheLogin() throws Exception {
            start("regulator", Optional.of(gate));

            HttpResponse<String> page = get("/group-buys/GB-7");

            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).contains("/login");
            verify(ledger, never()).groupBuy(anyString());
        }

        @Test
        void withTheTokenThePageIsServed() throws Exception {
            start("regulator", Optional.of(gate));

            assertThat(get("/group-buys/GB-7", "Authorization", "Bearer 0123456789abcdef0123456789abcdef").statusCode())
                    .isEqualTo(200);
        }

        @Test
        void theLoginFormSetsASecureCookieForTheRightTokenOnly() throws Exception {
            start("regulator", Optional.of(gate));

            HttpResponse<String> wrong = post("/login", "token=guess", "Content-Type", "application/x-www-form-urlencoded");
            HttpResponse<String> right = post("/login", "token=0123456789abcdef0123456789abcdef",
                    "Content-Type", "application/x-www-form-urlencoded");

            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(right.statusCode()).isEqualTo(303);
            assertThat(right.headers().firstValue("Set-Cookie")).get().asString()
                    .contains("HttpOnly", "Secure", "SameSite=Strict");
        }
    }
}
