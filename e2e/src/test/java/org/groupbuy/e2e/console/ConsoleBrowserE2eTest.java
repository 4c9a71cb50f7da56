package org.groupbuy.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groupbuy.e2e.GroupBuyFixture;
import org.groupbuy.e2e.TestCommunity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.groupbuy.client.ledger.Transaction;

/**
 * `groupbuy console` in Debian's headless chromium, on the real network: a group buy of C3 taken from
 * opening to the road (packed with an inspection report, dispatched with a driver's health check),
 * then read through the consoles of regulator1, committee1 (another community's committee),
 * committee3 (its own committee) and supplier1.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserE2eTest {
    private static final String NAME = "Zhou Xiuying";
    private static final String PHONE = "13800138001";
    private static final String DETAILS = "{\"H-001\":{\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE
            + "\",\"address\":\"Building 3, Room 402\",\"salt\":\"3c9a1f0e7b2d4c6a8e0f1a2b3c4d5e6f\"},\"H-002\":{\"name\":"
            + "\"Li Wei\",\"phone\":\"13900139002\",\"address\":\"Building 5, Room 101\",\"salt\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}}";
    private static final String[] LEADER_AND_COMMITTEE = {"LeaderMSP", "CommitteeMSP"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path files;
    private static GroupBuyFixture gb;
    private static Path report;
    private static String packTx;
    private static String slotDay;
    private static RunningConsole regulator;
    private static RunningConsole committee1;
    private static RunningConsole committee3;
    private static RunningConsole supplier;
    private static Browser browser;

    @BeforeAll
    static void aGroupBuyOnTheRoad() throws Exception {
        report = files.resolve("inspection-report.txt");
        Files.writeString(report, "Inspection report: rice lot passed, " + Instant.now(), StandardCharsets.UTF_8);
        String reportHash = TestCommunity.sha256(Files.readString(report, StandardCharsets.UTF_8));
        gb = GroupBuyFixture.open("CONSOLE", true);
        Map<String, Integer> rice = new LinkedHashMap<>();
        rice.put("H-001", 2);
        rice.put("H-002", 1);
        TestCommunity.leader().submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb.id, gb.orders(rice));
        TestCommunity.leader().submitPrivate(Transaction.PUT_HOUSEHOLD_DETAILS, DETAILS, LEADER_AND_COMMITTEE, gb.id);
        TestCommunity.leader().submit(Transaction.CLOSE, gb.id);
        TestCommunity.supplier().submit(Transaction.ACCEPT, gb.id,
                Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        TestCommunity.supplier().submit(Transaction.PACK, gb.id, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"L-" + gb.id
                + "\",\"quantity\":3}],\"evidenceHashes\":[\"" + reportHash + "\"]}");
        slotDay = TestCommunity.slotDay();
        TestCommunity.leader().submit(Transaction.REQUEST_ARRIVAL, gb.id, slotDay + "T10:00:00Z");
        TestCommunity.committee().submit(Transaction.APPROVE_ARRIVAL, gb.id);
        TestCommunity.courier().submit(Transaction.DISPATCH, gb.id, "{\"passNumber\":\"SH-PASS-CONSOLE\",\"vehicle\":"
                + "\"HU-C0NS0\",\"driverHealthCheckHash\":\"" + GroupBuyFixture.hash("driver " + gb.id) + "\"}");
        packTx = trace().stream().filter(r -> r.get("type").getAsString().equals("GroupBuyPacked"))
                .map(r -> r.get("txId").getAsString()).findFirst().orElseThrow();

        regulator = RunningConsole.as("regulator", "regulator1");
        committee1 = RunningConsole.as("committee", "committee1");
        committee3 = RunningConsole.as("committee", "committee3");
        supplier = RunningConsole.as("supplier", "supplier1");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {browser, regulator, committee1, committee3, supplier}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort: the JVM ends anyway
            }
        }
    }

    private static List<JsonObject> trace() {
        List<JsonObject> records = new ArrayList<>();
        for (JsonElement e : TestCommunity.regulator().evaluate(Transaction.TRACE, gb.id).getAsJsonArray()) {
            records.add(e.getAsJsonObject());
        }
        return records;
    }

    /** The verify control's verdict once the browser has hashed the file and the ledger has answered. */
    private static String verdict() {
        return browser.await(d -> {
            String text = browser.find("#verify-result").getText();
            return text.isEmpty() || text.startsWith("Hashing") ? null : text;
        });
    }

    private static List<String> shownTxIds() {
        return browser.all("#timeline li").stream().map(li -> li.getAttribute("data-tx")).toList();
    }

    @Test
    @Order(1)
    void theRegulatorsTimelineShowsEveryCustodyEventInLedgerOrderWithTransactionAndBlock() {
        browser.open(regulator.url("/group-buys/" + gb.id));
        List<JsonObject> trace = trace();

        assertThat(shownTxIds()).containsExactlyElementsOf(trace.stream().map(r -> r.get("txId").getAsString()).toList());
        List<WebElement> steps = browser.all("#timeline li");
        for (int i = 0; i < steps.size(); i++) {
            WebElement step = steps.get(i);
            assertThat(step.findElement(org.openqa.selenium.By.cssSelector("h3")).getText())
                    .startsWith(trace.get(i).get("type").getAsString());
            assertThat(step.findElement(org.openqa.selenium.By.cssSelector(".tx dd")).getText())
                    .isEqualTo(trace.get(i).get("txId").getAsString());
            assertThat(step.findElement(org.openqa.selenium.By.cssSelector(".actor dd")).getText())
                    .isEqualTo(trace.get(i).get("actor").getAsString());
            assertThat(step.findElement(org.openqa.selenium.By.cssSelector(".block dd")).getText()).matches("\\d+");
        }
        assertThat(trace).extracting(r -> r.get("type").getAsString()).contains("GroupBuyPacked", "ArrivalApproved",
                "GroupBuyDispatched");
        assertThat(browser.find("#gb-status").getText()).isEqualTo("IN_TRANSIT");
        assertThat(browser.find("#lots").getText()).contains("L-" + gb.id);
        assertThat(browser.find("#acting-as").getText()).isEqualTo("RegulatorMSP/regulator1");
        assertThat(browser.driver().getPageSource()).doesNotContain(NAME).doesNotContain(PHONE);
        browser.screenshot("group-buy-regulator");
    }

    @Test
    @Order(2)
    void theVerifyControlAcceptsTheInspectionReportAndRejectsAChangedCopy() throws Exception {
        browser.open(regulator.url("/group-buys/" + gb.id));
        browser.find("#verify-file").sendKeys(report.toAbsolutePath().toString());
        String accepted = verdict();
        assertThat(accepted).startsWith("Matches").contains(packTx);
        assertThat(browser.find("#verify-result").getAttribute("class")).isEqualTo("ok");
        browser.screenshot("group-buy-verify-ok");

        Path changed = files.resolve("inspection-report-changed.txt");
        Files.writeString(changed, Files.readString(report, StandardCharsets.UTF_8).replace("passed", "failed"));
        browser.open(regulator.url("/group-buys/" + gb.id));
        browser.find("#verify-file").sendKeys(changed.toAbsolutePath().toString());
        String rejected = verdict();
        assertThat(rejected).startsWith("Does not match");
        assertThat(browser.find("#verify-result").getAttribute("class")).isEqualTo("bad");
        assertThat(browser.find("#verify-hash").getText()).contains(TestCommunity.sha256(
                Files.readString(changed, StandardCharsets.UTF_8)));
    }

    @Test
    @Order(3)
    void newCustodyEventsAppearWithoutReloadingThePageAndADelayIsMarked() {
        browser.open(committee1.url("/group-buys/" + gb.id));
        int before = shownTxIds().size();
        browser.script("window.consoleNotReloaded = 'still the same page';");

        TestCommunity.courier().submit(Transaction.CHECKPOINT, gb.id, "Yan'an Road checkpoint", "on schedule");
        String checkpointTx = trace().get(trace().size() - 1).get("txId").getAsString();

        browser.await(d -> shownTxIds().contains(checkpointTx));
        assertThat(shownTxIds()).hasSize(before + 1).endsWith(checkpointTx);
        assertThat(browser.script("return window.consoleNotReloaded;")).isEqualTo("still the same page");
        WebElement live = browser.all("#timeline li").get(before);
        assertThat(live.getText()).contains("CheckpointRecorded", "CourierMSP/courier1", "Yan'an Road checkpoint");
        assertThat(live.findElement(org.openqa.selenium.By.cssSelector(".block dd")).getText()).matches("\\d+");
        assertThat(browser.find("#acting-as").getText()).isEqualTo("CommitteeMSP/committee1");

        TestCommunity.courier().submit(Transaction.REPORT_INCIDENT, gb.id, "DELAY", GroupBuyFixture.hash("traffic " + gb.id));
        String delayTx = trace().get(trace().size() - 1).get("txId").getAsString();
        browser.await(d -> shownTxIds().contains(delayTx));
        WebElement delay = browser.all("#timeline li").get(before + 1);
        assertThat(delay.getAttribute("class")).contains("delay");
        assertThat(delay.getText()).contains("IncidentReported", "DELAY");
        assertThat(browser.script("return window.consoleNotReloaded;")).isEqualTo("still the same page");
        browser.screenshot("group-buy-live-committee1");
    }

    @Test
    @Order(4)
    void theCommunitysCommitteeSeesHouseholdDetailsAndNobodyElseDoes() {
        browser.open(committee3.url("/group-buys/" + gb.id + "/households/H-001"));
        assertThat(browser.find("#household-details").getText()).contains(NAME, PHONE);
        browser.screenshot("household-committee3");

        for (RunningConsole other : List.of(supplier, regulator, committee1)) {
            browser.open(other.url("/group-buys/" + gb.id + "/households/H-001"));
            assertThat(browser.all("#household-details")).isEmpty();
            assertThat(browser.find("#no-details").isDisplayed()).isTrue();
            assertThat(browser.driver().getPageSource()).doesNotContain(NAME).doesNotContain(PHONE)
                    .doesNotContain("Room 402");
            assertThat(browser.find("#timeline").getText()).contains("HouseholdOrdersAdded");
        }
        browser.open(supplier.url("/group-buys/" + gb.id + "/households/H-001"));
        browser.screenshot("household-supplier");
        for (RunningConsole console : List.of(regulator, committee1, committee3, supplier)) {
            assertThat(console.log()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("H-001")
                    .doesNotContain(gb.id);
        }
    }

    @Test
    @Order(5)
    void theCommunityPartyAndHomePagesRender() {
        browser.open(committee3.url("/communities/" + TestCommunity.ID + "?day=" + slotDay));
        assertThat(browser.find("#group-buys").getText()).contains("IN_TRANSIT", gb.id);
        assertThat(browser.find("#arrivals").getText()).contains(gb.id, "GUARANTEE", "APPROVED");
        assertThat(browser.find("#commitments").getText()).contains("CM-supplier1-C3", "ACTIVE");
        browser.screenshot("community-committee3");

        browser.open(regulator.url("/parties/SupplierMSP/supplier1"));
        assertThat(browser.find("#record").getText()).contains("Group buys", "On-time rate (%)", "CM-supplier1-C3");
        browser.screenshot("party-regulator");

        browser.open(regulator.url("/"));
        browser.await(d -> browser.find("#community-list").getText().contains("Community " + TestCommunity.ID) ? true : null);
        browser.screenshot("home-regulator");
    }

    @Test
    @Order(6)
    void atTwoHundredPercentZoomNoPageScrollsSideways() {
        browser.zoom200();
        try {
            for (String path : List.of("/", "/group-buys/" + gb.id, "/group-buys/" + gb.id + "/households/H-001",
                    "/communities/" + TestCommunity.ID, "/parties/SupplierMSP/supplier1")) {
                browser.open(regulator.url(path));
                assertThat((Boolean) browser.script("return document.documentElement.scrollWidth "
                        + "<= document.documentElement.clientWidth;")).as(path).isTrue();
            }
            browser.open(regulator.url("/group-buys/" + gb.id));
            browser.screenshot("group-buy-zoom-200");
        } finally {
            browser.zoom100();
        }
    }

    @Test
    @Order(7)
    void everyResponseForbidsCachingAndUnknownPagesAndRefusalsAreClear() throws Exception {
        for (String path : List.of("/", "/group-buys/" + gb.id, "/group-buys/" + gb.id + "/households/H-001",
                "/communities/" + TestCommunity.ID, "/parties/SupplierMSP/supplier1", "/static/console.js",
                "/group-buys/GB-NO-SUCH-ONE", "/nowhere")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(committee3.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(
                URI.create(regulator.url("/group-buys/GB-NO-SUCH-ONE"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("[NOT_FOUND]");
        HttpResponse<String> crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(regulator.url("/verify")))
                .POST(HttpRequest.BodyPublishers.ofString(TestCommunity.sha256("x"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }
}
