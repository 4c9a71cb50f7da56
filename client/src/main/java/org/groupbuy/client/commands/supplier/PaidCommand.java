package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "paid", description = "Record that the supplier was paid for the group buy (GroupBuy:RecordSupplierPayment).",
        footer = {"%nExample:", "  groupbuy supplier paid GB-7 --amount-cents 140000 --ref-hash <sha256> --org supplier"})
public final class PaidCommand extends GroupBuyCommand {
    @Option(names = "--amount-cents", required = true, paramLabel = "CENTS", description = "amount in cents")
    long amountCents;

    @Option(names = "--ref-hash", required = true, paramLabel = "SHA256", description = "hash of the payment reference")
    String refHash;

    @Override
    protected Invocation invocation() {
        return Invocation.of("GroupBuy:RecordSupplierPayment", id, Long.toString(amountCents), refHash);
    }
}
