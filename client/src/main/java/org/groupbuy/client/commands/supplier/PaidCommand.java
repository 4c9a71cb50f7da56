package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.commands.PaymentOptions;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
@Command(name = "paid", description = "Record that the supplier was paid for the group buy (GroupBuy:RecordSupplierPayment).",
        footer = {"%nExample:", "  groupbuy supplier paid GB-7 --amount-cents 140000 --ref-hash <sha256> --org supplier"})
public final class PaidCommand extends GroupBuyCommand {
    @Mixin
    PaymentOptions payment;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.recordSupplierPayment(id, payment.amountCents(), payment.refHash());
    }
}
