package org.groupbuy.client.commands.leader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.orders.CodeSink;
import org.groupbuy.client.orders.CodesOnFile;
import org.groupbuy.client.orders.HouseholdImport;
import org.groupbuy.client.orders.HouseholdOrder;
import org.groupbuy.client.orders.ImportPipeline;
import org.groupbuy.client.orders.ImportedHouseholds;
import org.groupbuy.client.orders.ItemCatalog;
import org.groupbuy.client.orders.OrderSheet;
import org.groupbuy.client.orders.PickupCode;
import org.groupbuy.client.orders.ProgressBar;
import org.groupbuy.client.orders.SheetCheck;
import org.groupbuy.client.orders.WorkbookOrders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
        "Import the household orders of your spreadsheet (CSV, or .xlsx with English or Chinese headers: "
                + "docs/cli.md lists them) into a group buy.",
        "Header: household,name,phone,address,<sku1>,<sku2>... (quantity per item; blank = 0; optional column "
                + "offline=yes for residents without a smartphone).",
        "Every row is checked first; if any row is bad, all bad rows are listed with line numbers and nothing is sent.",
        "Each household gets a 6-digit pickup code (printed, or written to --codes-out); only its salted hash goes on "
                + "the ledger. Names, phones and addresses go only to the private collection (endorsed by LeaderMSP "
                + "and CommitteeMSP).",
        "With --codes-out, each batch's codes are appended as 'household,code,pending' before it is sent and as "
                + "'household,code,issued' once it committed.",
        "Safe to re-run: households already in the group buy are skipped; their codes from --codes-out are checked "
                + "against the ledger and marked issued, missing details are re-sent, and a household whose code is "
                + "in no codes file is named (cancel and re-add it)."},
        footer = {"%nExample:", "  groupbuy leader import --group-buy GB-7 orders.csv --codes-out codes.csv --org leader"})
public final class ImportCommand extends LedgerCommand {
    @Option(names = "--group-buy", required = true, paramLabel = "ID")
    String groupBuyId;

    @Parameters(paramLabel = "ORDERS_CSV_OR_XLSX")
    Path sheet;

    @Option(names = "--codes-out", paramLabel = "FILE", description = "append household,code lines here instead of stdout")
    Path codesOut;

    @Option(names = "--batch-size", defaultValue = "500", paramLabel = "N",
            description = "households per transaction, 1..500 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--in-flight", defaultValue = "8", paramLabel = "N",
            description = "batches sent at once without waiting for the previous commits, 1..64 "
                    + "(default: ${DEFAULT-VALUE})")
    int inFlight;

    @Override
    protected void run(LedgerSession session) throws Exception {
        if (batchSize < 1 || batchSize > 500) {
            throw CliFailure.usage("BAD_BATCH_SIZE", "--batch-size must be 1..500, got " + batchSize);
        }
        if (inFlight < 1 || inFlight > 64) {
            throw CliFailure.usage("BAD_IN_FLIGHT", "--in-flight must be 1..64, got " + inFlight);
        }
        if (!Files.isRegularFile(sheet)) {
            throw CliFailure.usage("NO_SHEET", sheet + " does not exist");
        }
        GroupBuyLedger ledger = GroupBuyLedger.of(session);
        ItemCatalog catalog = CatalogLookup.read(ledger, groupBuyId, err());
        SheetCheck check = sheet.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.xlsx?")
                ? WorkbookOrders.check(sheet, catalog)
                : OrderSheet.check(Files.readString(sheet, StandardCharsets.UTF_8), catalog);
        if (!check.ok()) {
            check.problems().forEach(p -> err().println(sheet + ": " + p));
            throw new CliFailure(ExitCode.USAGE, "INVALID_SHEET", check.problems().size() + " problem(s) in " + sheet
                    + "; nothing was sent");
        }
        Map<String, ImportedHouseholds.LedgerOrder> existing = ImportedHouseholds.orders(ledger, groupBuyId);
        List<HouseholdOrder> fresh = check.orders().stream().filter(o -> !existing.containsKey(o.household())).toList();
        List<HouseholdOrder> onLedger = check.orders().stream().filter(o -> existing.containsKey(o.household())).toList();
        List<String> skipped = onLedger.stream().map(HouseholdOrder::household).toList();
        CodesOnFile known = codesOut != null ? CodesOnFile.read(codesOut) : CodesOnFile.none();
        if (known.skippedLines() > 0) {
            err().println("warning: " + known.skippedLines() + " malformed line(s) in " + codesOut + " ignored");
        }
        HouseholdImport sender = new HouseholdImport(ledger, groupBuyId, new SecureRandom());
        ErrorReport errors = new ErrorReport(session.settings().peerEndpoint());
        JsonArray issued;
        List<HouseholdOrder> lost = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        List<String> detailsResent;
        try (CodeSink sink = codesOut != null ? CodeSink.to(codesOut) : CodeSink.to(out())) {
            if (!skipped.isEmpty()) {
                err().println("skipping " + skipped.size() + " household(s) already imported: " + String.join(", ", skipped));
            }
            if (codesOut != null) {
                confirmed = confirmCodes(onLedger, existing, known, sink, lost);
            } else if (!onLedger.isEmpty()) {
                err().println("their pickup codes are not re-issued (no --codes-out file to check them against)");
            }
            detailsResent = resendDetails(sender, onLedger, errors);
            Map<String, String> pendingCodes = new LinkedHashMap<>();
            fresh.forEach(o -> known.latest(o.household()).ifPresent(code -> pendingCodes.put(o.household(), code)));
            issued = send(sender, fresh, pendingCodes, sink, errors);
        }
        reportLost(lost);
        if (json) {
            JsonObject summary = new JsonObject();
            summary.addProperty("groupBuyId", groupBuyId);
            summary.add("imported", issued);
            summary.add("skipped", array(skipped));
            summary.add("codesConfirmed", array(confirmed));
            summary.add("codesMissing", array(lost.stream().map(HouseholdOrder::household).toList()));
            summary.add("detailsResent", array(detailsResent));
            summary.addProperty("retries", ledger.retries());
            JsonObject byCode = new JsonObject();
            ledger.retriesByCode().forEach(byCode::addProperty);
            summary.add("retriesByCode", byCode);
            out().println(summary);
        } else {
            out().println("imported " + fresh.size() + " household(s) into " + groupBuyId + ", skipped " + skipped.size()
                    + (codesOut == null ? "" : "; pickup codes appended to " + codesOut)
                    + (confirmed.isEmpty() ? "" : "; " + confirmed.size() + " pending code(s) confirmed as issued")
                    + (detailsResent.isEmpty() ? "" : "; details re-sent for " + detailsResent.size() + " household(s)")
                    + (lost.isEmpty() ? "" : "; " + lost.size() + " household(s) on the ledger WITHOUT a pickup code "
                            + "(see stderr)")
                    + "; " + ledger.retries() + " transient failure(s) retried" + retriedCodes(ledger));
        }
    }

    /** " (ENDORSE NOT_FOUND 8, ...)": which failures were retried, to tell a lagging peer from conflicts. */
    private static String retriedCodes(GroupBuyLedger ledger) {
        Map<String, Long> byCode = ledger.retriesByCode();
        if (byCode.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        byCode.forEach((code, count) -> text.append(text.length() > 2 ? ", " : "").append(code).append(' ').append(count));
        return text.append(')').toString();
    }

    /**
     * Households already on the ledger keep the code an earlier run wrote to the codes file, if its
     * salted hash is the one on the ledger; pending ones are marked issued. The others go to {@code lost}.
     */
    private List<String> confirmCodes(List<HouseholdOrder> onLedger, Map<String, ImportedHouseholds.LedgerOrder> existing,
            CodesOnFile known, CodeSink sink, List<HouseholdOrder> lost) {
        Map<String, PickupCode> confirm = new LinkedHashMap<>();
        for (HouseholdOrder order : onLedger) {
            ImportedHouseholds.LedgerOrder ledgerOrder = existing.get(order.household());
            Optional<String> code = known.matching(order.household(), ledgerOrder.pickupSalt(),
                    ledgerOrder.pickupCodeHash());
            if (code.isEmpty()) {
                lost.add(order);
            } else if (!known.issued(order.household(), code.get())) {
                confirm.put(order.household(), new PickupCode(ledgerOrder.pickupSalt(), code.get()));
            }
        }
        if (!confirm.isEmpty()) {
            sink.write(confirm);
            err().println("pickup codes written as pending by an earlier run and committed, now marked issued: "
                    + String.join(", ", confirm.keySet()));
        }
        return new ArrayList<>(confirm.keySet());
    }

    /** Names every household on the ledger whose pickup code is in no codes file this run can see. */
    private void reportLost(List<HouseholdOrder> lost) {
        for (HouseholdOrder order : lost) {
            err().println("NO PICKUP CODE: household " + order.household() + " (" + order.name() + ") is in "
                    + groupBuyId + " but its pickup code is not in " + (codesOut == null ? "any codes file" : codesOut)
                    + " and cannot be re-issued; unless an earlier codes file holds it, cancel and re-add it: "
                    + "groupbuy leader cancel-order " + groupBuyId + " " + order.household()
                    + " --org leader, then groupbuy leader add-order --group-buy " + groupBuyId + " --household "
                    + order.household() + " ... --org leader");
        }
    }

    /** Re-sends (batched, LeaderMSP and CommitteeMSP) the details of households on the ledger that lack them. */
    private List<String> resendDetails(HouseholdImport sender, List<HouseholdOrder> onLedger, ErrorReport errors) {
        if (onLedger.isEmpty()) {
            return List.of();
        }
        List<String> missing;
        try {
            missing = sender.withoutDetails(onLedger.stream().map(HouseholdOrder::household).toList());
        } catch (Exception e) {
            throw errors.describe(e);
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        err().println("details missing for " + missing.size() + " household(s) already imported, re-sending: "
                + String.join(", ", missing));
        List<HouseholdOrder> rows = onLedger.stream().filter(o -> missing.contains(o.household())).toList();
        for (List<HouseholdOrder> batch : batches(rows, batchSize)) {
            try {
                sender.submitDetails(batch).commit();
            } catch (Exception e) {
                CliFailure cause = errors.describe(e);
                throw new CliFailure(cause.exitCode(), "IMPORT_DETAILS_FAILED", "re-sending the details of "
                        + batch.size() + " household(s) already imported (" + batch.get(0).household() + " .. "
                        + batch.get(batch.size() - 1).household() + ") failed: " + cause.getMessage()
                        + "; re-running the same command retries them");
            }
        }
        return missing;
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private JsonArray send(HouseholdImport sender, List<HouseholdOrder> fresh, Map<String, String> pendingCodes,
            CodeSink sink, ErrorReport errors) throws Exception {
        JsonArray issued = new JsonArray();
        if (fresh.isEmpty()) {
            return issued;
        }
        List<List<HouseholdOrder>> batches = batches(fresh, batchSize);
        ProgressBar progress = new ProgressBar(err(), fresh.size(), "households");
        progress.show(0);
        long started = System.nanoTime();
        ImportPipeline.Outcome outcome;
        int[] done = {0};
        outcome = new ImportPipeline(sender, inFlight, pendingCodes).run(batches, new ImportPipeline.Listener() {
            @Override
            public void aboutToSubmit(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                sink.pending(codes);
            }

            @Override
            public void ordersCommitted(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                record(codes, sink, issued);
            }

            @Override
            public void detailsStored(int index, List<HouseholdOrder> batch) {
                done[0] += batch.size();
                progress.show(done[0]);
            }
        });
        if (!outcome.failures().isEmpty()) {
            throw failure(outcome, errors);
        }
        err().println(rate(fresh.size(), System.nanoTime() - started));
        return issued;
    }

    /**
     * How fast the ledger took the sheet, from the first batch sent to the last details committed: the time
     * before it (starting the JVM, connecting, reading the group buy, checking the sheet) is not the network's.
     */
    public static String rate(int households, long nanos) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "%d households committed in %.1f s, %d per second (orders and details, "
                + "first batch sent to last committed)", households, seconds,
                seconds <= 0 ? households : Math.round(households / seconds));
    }

    /** Names every failed batch with its households on stderr; the error names the first one. */
    private CliFailure failure(ImportPipeline.Outcome outcome, ErrorReport errors) {
        err().println();
        for (ImportPipeline.Failure f : outcome.failures()) {
            List<String> households = f.batch().stream().map(HouseholdOrder::household).toList();
            err().println("batch " + (f.index() + 1) + " of " + outcome.batches() + " failed at "
                    + (f.stage() == ImportPipeline.Stage.ORDERS ? Transaction.ADD_HOUSEHOLD_ORDERS : Transaction.PUT_HOUSEHOLD_DETAILS)
                    + ": " + errors.describe(f.cause()).getMessage());
            err().println(f.stage() == ImportPipeline.Stage.ORDERS
                    ? "  not imported, no pickup codes: " + String.join(", ", households)
                    : "  orders and pickup codes committed, details NOT stored (send them with `groupbuy leader "
                            + "put-details`): " + String.join(", ", households));
        }
        ImportPipeline.Failure first = outcome.failures().get(0);
        CliFailure cause = errors.describe(first.cause());
        List<HouseholdOrder> batch = first.batch();
        String what = first.stage() == ImportPipeline.Stage.ORDERS
                ? "its orders were not imported"
                : "its orders committed but its details were not stored";
        return new CliFailure(cause.exitCode(), "IMPORT_BATCH_FAILED", "batch " + (first.index() + 1) + " of "
                + outcome.batches() + " (" + batch.size() + " households, " + batch.get(0).household() + " .. "
                + batch.get(batch.size() - 1).household() + "): " + what + ": " + cause.getMessage() + "; "
                + outcome.committed() + " of " + outcome.batches() + " batches committed, "
                + outcome.failures().size() + " failed, " + outcome.notSent() + " not sent (see stderr); "
                + "re-running the same command sends the households that are not on the ledger yet");
    }

    private void record(Map<String, PickupCode> codes, CodeSink sink, JsonArray issued) {
        if (json && codesOut == null) {
            codes.forEach((household, code) -> {
                JsonObject entry = new JsonObject();
                entry.addProperty("household", household);
                entry.addProperty("code", code.code());
                issued.add(entry);
            });
        } else {
            sink.write(codes);
            codes.keySet().forEach(household -> {
                JsonObject entry = new JsonObject();
                entry.addProperty("household", household);
                issued.add(entry);
            });
        }
    }

    static List<List<HouseholdOrder>> batches(List<HouseholdOrder> orders, int size) {
        List<List<HouseholdOrder>> batches = new ArrayList<>();
        for (int start = 0; start < orders.size(); start += size) {
            batches.add(orders.subList(start, Math.min(orders.size(), start + size)));
        }
        return batches;
    }
}
