package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "record", description = "A party's record: group buys completed and failed by cause, disputes "
        + "upheld, on-time rate, active commitments.",
        footer = {"%nExample:", "  groupbuy regulator record SupplierMSP/supplier1 --org regulator"})
public final class RecordCommand extends QueryCommand {
    @Parameters(paramLabel = "PARTY", description = "MSPID/commonName")
    String party;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.partyRecord(party);
    }
}
