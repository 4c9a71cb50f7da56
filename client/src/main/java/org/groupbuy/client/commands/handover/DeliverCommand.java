package org.groupbuy.client.commands.handover;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groupbuy.client.commands.BatchSubmission;
import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.orders.PickupCodeFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deliver", description = {"Hand a household its goods against its pickup code (volunteer; or the "
        + "leader as proxy for a resident who cannot use a phone).",
        "With --codes-file, hand over every household of a 'household,code' file (as written by "
        + "'leader import --codes-out') in one connection, a few at a time; one line per household, "
        + "exit 1 if any was refused."},
        footer = {"%nExamples:", "  groupbuy volunteer deliver GB-7 H-001 --code 482913 --org committee --user volunteer1",
                "  groupbuy volunteer deliver GB-7 --codes-file codes.csv --org committee --user volunteer1"})
public final class DeliverCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HOUSEHOLD", description = "omit with --codes-file")
    String household;

    @Option(names = "--code", paramLabel = "PICKUP_CODE", description = "the household's 6-digit code")
    String code;

    @Option(names = "--codes-file", paramLabel = "FILE", description = "deliver every 'household,code' line of FILE")
    Path codesFile;

    @Option(names = "--parallel", defaultValue = "6", paramLabel = "N",
            description = "hand-overs in flight at once with --codes-file (default ${DEFAULT-VALUE})")
    int parallel;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        if (household == null || code == null) {
            throw CliFailure.usage("USAGE", "give HOUSEHOLD and --code, or --codes-file FILE");
        }
        return ledger.deliver(id, household, code);
    }

    @Override
    protected void run(LedgerSession session) throws Exception {
        if (codesFile == null) {
            super.run(session);
            return;
        }
        deliverFile(session);
    }

    private void deliverFile(LedgerSession session) throws InterruptedException {
        if (household != null || code != null) {
            throw CliFailure.usage("USAGE", "--codes-file replaces HOUSEHOLD and --code; give one or the other");
        }
        Map<String, BatchSubmission.Call> byHousehold = new LinkedHashMap<>();
        PickupCodeFile.read(codesFile).forEach((h, c) -> byHousehold.put(h, ledger -> ledger.deliver(id, h, c)));
        new BatchSubmission(GroupBuyLedger.of(session), new ErrorReport(session.settings().peerEndpoint()), parallel)
                .run(byHousehold, "delivered", out());
    }
}
