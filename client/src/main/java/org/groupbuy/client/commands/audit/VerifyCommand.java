package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Which records cite a piece of evidence (by its SHA-256).",
        footer = {"%nExample:", "  groupbuy regulator verify $(sha256sum test-report.pdf | cut -d' ' -f1) --org regulator"})
public final class VerifyCommand extends QueryCommand {
    @Parameters(paramLabel = "SHA256")
    String hash;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.verifyEvidence(hash);
    }
}
