package org.groupbuy.client.commands.leader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.orders.CodeSink;
import org.groupbuy.client.orders.HouseholdImport;
import org.groupbuy.client.orders.HouseholdOrder;
import org.groupbuy.client.orders.ImportPipeline;
import org.groupbuy.client.orders.ImportedHouseholds;
import org.groupbuy.client.orders.OrderSheet;
import org.groupbuy.client.orders.PickupCode;
import org.groupbuy.client.orders.ProgressBar;
import org.groupbuy.client.orders.SheetCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
        "Import the household orders of your spreadsheet (CSV) into a group buy.",
        "Header: household,name,phone,address,<sku1>,<sku2>... (quantity per item; blank = 0; optional column "
                + "offline=yes for residents without a smartphone).",
        "Every row is checked first; if any row is bad, all bad rows are listed with line numbers and nothing is sent.",
        "Each household gets a 6-digit pickup code (printed, or written to --codes-out); only its salted hash goes on "
                + "the ledger. Names, phones and addresses go only to the private collection (endorsed by LeaderMSP "
                + "and CommitteeMSP).",
        "Safe to re-run: households already in the group buy are skipped and their codes are not re-issued."},
        footer = {"%nExample:", "  groupbuy leader import --group-buy GB-7 orders.csv --codes-out codes.csv --org leader"})
public final class ImportCommand extends LedgerCommand {
    @Option(names = "--group-buy", required = true, paramLabel = "ID")
    String groupBuyId;

    @Parameters(paramLabel = "ORDERS_CSV")
    Path sheet;

    @Option(names = "--codes-out", paramLabel = "FILE", description = "append household,code lines here instead of stdout")
    Path codesOut;

    @Option(names = "--batch-size", defaultValue = "200", paramLabel = "N",
            description = "households per transaction, 1..200 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--in-flight", defaultValue = "8", paramLabel = "N",
            description = "batches sent at once without waiting for the previous commits, 1..64 "
                    + "(default: ${DEFAULT-VALUE})")
    int inFlight;

    @Override
    protected void run(LedgerSession session) throws Exception {
        if (batchSize < 1 || batchSize > 200) {
            throw CliFailure.usage("BAD_BATCH_SIZE", "--batch-size must be 1..200, got " + batchSize);
        }
        if (inFlight < 1 || inFlight > 64) {
            throw CliFailure.usage("BAD_IN_FLIGHT", "--in-flight must be 1..64, got " + inFlight);
        }
        if (!Files.isRegularFile(sheet)) {
            throw CliFailure.usage("NO_SHEET", sheet + " does not exist");
        }
        SheetCheck check = OrderSheet.check(Files.readString(sheet, StandardCharsets.UTF_8),
                CatalogLookup.read(session.chaincode(), groupBuyId, err()));
        if (!check.ok()) {
            check.problems().forEach(p -> err().println(sheet + ": " + p));
            throw new CliFailure(ExitCode.USAGE, "INVALID_SHEET", check.problems().size() + " problem(s) in " + sheet
                    + "; nothing was sent");
        }
        Set<String> existing = ImportedHouseholds.read(session.chaincode(), groupBuyId);
        List<HouseholdOrder> fresh = check.orders().stream().filter(o -> !existing.contains(o.household())).toList();
        List<String> skipped = check.orders().stream().map(HouseholdOrder::household).filter(existing::contains).toList();
        if (!skipped.isEmpty()) {
            err().println("skipping " + skipped.size() + " household(s) already imported; their pickup codes are not "
                    + "re-issued: " + String.join(", ", skipped));
        }
        JsonArray issued = send(new HouseholdImport(session.chaincode(), groupBuyId, new SecureRandom()), fresh,
                new ErrorReport(session.settings().peerEndpoint()));
        if (json) {
            JsonObject summary = new JsonObject();
            summary.addProperty("groupBuyId", groupBuyId);
            summary.add("imported", issued);
            JsonArray skippedJson = new JsonArray();
            skipped.forEach(skippedJson::add);
            summary.add("skipped", skippedJson);
            out().println(summary);
        } else {
            out().println("imported " + fresh.size() + " household(s) into " + groupBuyId + ", skipped " + skipped.size()
                    + (codesOut == null ? "" : "; pickup codes appended to " + codesOut));
        }
    }

    private JsonArray send(HouseholdImport sender, List<HouseholdOrder> fresh, ErrorReport errors) throws Exception {
        JsonArray issued = new JsonArray();
        if (fresh.isEmpty()) {
            return issued;
        }
        List<List<HouseholdOrder>> batches = batches(fresh, batchSize);
        ProgressBar progress = new ProgressBar(err(), fresh.size(), "households");
        progress.show(0);
        ImportPipeline.Outcome outcome;
        try (CodeSink sink = codesOut != null ? CodeSink.to(codesOut) : CodeSink.to(out())) {
            int[] done = {0};
            outcome = new ImportPipeline(sender, inFlight).run(batches, new ImportPipeline.Listener() {
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
        }
        if (!outcome.failures().isEmpty()) {
            throw failure(outcome, errors);
        }
        return issued;
    }

    /** Names every failed batch with its households on stderr; the error names the first one. */
    private CliFailure failure(ImportPipeline.Outcome outcome, ErrorReport errors) {
        err().println();
        for (ImportPipeline.Failure f : outcome.failures()) {
            List<String> households = f.batch().stream().map(HouseholdOrder::household).toList();
            err().println("batch " + (f.index() + 1) + " of " + outcome.batches() + " failed at "
                    + (f.stage() == ImportPipeline.Stage.ORDERS ? "GroupBuy:AddHouseholdOrders" : "GroupBuy:PutHouseholdDetails")
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
