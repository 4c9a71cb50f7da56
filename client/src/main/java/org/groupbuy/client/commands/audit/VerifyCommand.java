package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Which records cite a piece of evidence (by its SHA-256).",
        footer = {"%nExample:", "  groupbuy regulator verify $(sha256sum test-report.pdf | cut -d' ' -f1) --org regulator"})
public final class VerifyCommand extends QueryCommand {
    @Parameters(paramLabel = "SHA256")
    String hash;

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.VERIFY_EVIDENCE, hash);
    }
}
