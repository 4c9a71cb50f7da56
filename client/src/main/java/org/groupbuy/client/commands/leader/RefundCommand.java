package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.commands.PaymentOptions;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
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
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.recordRefund(id, household, payment.amountCents(), payment.refHash());
    }
}
