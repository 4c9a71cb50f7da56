package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.commands.PaymentOptions;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
@Command(name = "refund", description = "Record a refund paid back to a household.",
        footer = {"%nExample:", "  groupbuy leader refund GB-7 H-001 --amount-cents 3500 --ref-hash <sha256> --org leader"})
public final class RefundCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Mixin
    PaymentOptions payment;

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.RECORD_REFUND, id, household, payment.amount(), payment.refHash());
    }
}
