package org.groupbuy.client.commands.leader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.groupbuy.client.commands.BatchSubmission;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pay-all", description = {"Record the payments of many households at once (GroupBuy:RecordPayment "
        + "each), from a CSV 'household,amountCents,refHash' (header optional), in one connection.",
        "With --refunds, the same file records refunds to the households (GroupBuy:RecordRefund each).",
        "One line per household; exit 1 if any was refused (the others are still recorded)."},
        footer = {"%nExamples:", "  groupbuy leader pay-all GB-7 payments.csv --org leader",
                "  groupbuy leader pay-all GB-8 refunds.csv --refunds --org leader"})
public final class PayAllCommand extends LedgerCommand {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63}),([0-9]{1,15}),([0-9a-f]{64})");

    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID")
    String id;

    @Parameters(index = "1", paramLabel = "PAYMENTS_CSV")
    Path file;

    @Option(names = "--refunds", description = "the lines are refunds to the households, not their payments")
    boolean refunds;

    @Option(names = "--parallel", defaultValue = "6", paramLabel = "N",
            description = "payments in flight at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Override
    protected void run(LedgerSession session) throws Exception {
        Map<String, BatchSubmission.Call> byHousehold = lines(refunds, id, file);
        new BatchSubmission(GroupBuyLedger.of(session), new ErrorReport(session.settings().peerEndpoint()), parallel)
                .run(byHousehold, refunds ? "refunded" : "paid", out());
    }

    /** household -> the money transaction, in file order; every bad line is listed and nothing is sent. */
    static Map<String, BatchSubmission.Call> lines(boolean refunds, String groupBuyId, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("BAD_PAYMENTS_FILE", "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, BatchSubmission.Call> payments = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || i == 0 && line.startsWith("household,")) {
                continue;
            }
            var match = LINE.matcher(line);
            if (!match.matches()) {
                problems.add("line " + (i + 1) + ": expected 'household,amountCents,refHash(64 hex)', got '" + line + "'");
            } else if (payments.putIfAbsent(match.group(1), money(refunds, groupBuyId, match.group(1),
                    Long.parseLong(match.group(2)), match.group(3))) != null) {
                problems.add("line " + (i + 1) + ": household " + match.group(1) + " appears twice");
            }
        }
        if (!problems.isEmpty() || payments.isEmpty()) {
            throw CliFailure.usage("BAD_PAYMENTS_FILE", file + ": "
                    + (problems.isEmpty() ? "no payment lines" : String.join("; ", problems)));
        }
        return payments;
    }

    /** The household's payment (or, with refunds, its refund) as a typed call. */
    private static BatchSubmission.Call money(boolean refunds, String groupBuyId, String household, long cents, String refHash) {
        return refunds ? ledger -> ledger.recordRefund(groupBuyId, household, cents, refHash)
                : ledger -> ledger.recordPayment(groupBuyId, household, cents, refHash);
    }
}
