package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.commands.PaymentOptions;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pay", description = {"Record money of a group buy:",
        "  with HOUSEHOLD: the household paid the leader (GroupBuy:RecordPayment);",
        "  with --to-supplier: the leader paid the supplier (GroupBuy:RecordSupplierPayment)."},
        footer = {"%nExamples:", "  groupbuy leader pay GB-7 H-001 --amount-cents 7000 --ref-hash <sha256> --org leader",
                "  groupbuy leader pay GB-7 --to-supplier --amount-cents 140000 --ref-hash <sha256> --org leader"})
public final class PayCommand extends GroupBuyCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "HOUSEHOLD")
    String household;

    @Option(names = "--to-supplier", description = "a payment from the leader to the supplier")
    boolean toSupplier;

    @Mixin
    PaymentOptions payment;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        if (toSupplier == (household != null)) {
            throw CliFailure.usage("BAD_PAYMENT", "give either a HOUSEHOLD or --to-supplier");
        }
        return toSupplier ? ledger.recordSupplierPayment(id, payment.amountCents(), payment.refHash())
                : ledger.recordPayment(id, household, payment.amountCents(), payment.refHash());
    }
}
