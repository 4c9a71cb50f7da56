package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
@Command(name = "refund", description = "Record a refund paid back to a household.",
        footer = {"%nExample:", "  groupbuy leader refund GB-7 H-001 --amount-cents 3500 --ref-hash <sha256> --org leader"})
public final class RefundCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Option(names = "--amount-cents", required = true, paramLabel = "CENTS", description = "amount in cents")
    long amountCents;

    @Option(names = "--ref-hash", required = true, paramLabel = "SHA256", description = "hash of the payment reference")
    String refHash;

    @Override
    protected Invocation invocation() {
        return Invocation.of("GroupBuy:RecordRefund", id, household, Long.toString(amountCents), refHash);
    }
}
