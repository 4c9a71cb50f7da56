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
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.orders.CodeSink;
import org.groupbuy.client.orders.HouseholdImport;
import org.groupbuy.client.orders.HouseholdOrder;
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

    @Option(names = "--batch-size", defaultValue = "100", paramLabel = "N",
            description = "households per transaction, 1..200 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Override
    protected void run(LedgerSession session) throws Exception {
        if (batchSize < 1 || batchSize > 200) {
            throw CliFailure.usage("BAD_BATCH_SIZE", "--batch-size must be 1..200, got " + batchSize);
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
        JsonArray issued = send(new HouseholdImport(session.chaincode(), groupBuyId, new SecureRandom()), fresh);
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

    private JsonArray send(HouseholdImport sender, List<HouseholdOrder> fresh) throws Exception {
        JsonArray issued = new JsonArray();
        if (fresh.isEmpty()) {
            return issued;
        }
        ProgressBar progress = new ProgressBar(err(), fresh.size(), "households");
        progress.show(0);
        int done = 0;
        try (CodeSink sink = codesOut != null ? CodeSink.to(codesOut) : CodeSink.to(out())) {
            for (List<HouseholdOrder> batch : batches(fresh, batchSize)) {
                Map<String, PickupCode> codes = sender.sendOrders(batch);
                record(codes, sink, issued);
                try {
                    sender.sendDetails(batch);
                } catch (Exception e) {
                    err().println("the orders of " + String.join(", ", codes.keySet()) + " are on the ledger but their "
                            + "details are not: send them with `groupbuy leader put-details`");
                    throw e;
                }
                done += batch.size();
                progress.show(done);
            }
        }
        return issued;
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
