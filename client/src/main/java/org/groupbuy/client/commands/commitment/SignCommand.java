package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sign", description = "Sign a responsibility commitment for one community (status PENDING until "
        + "the committee countersigns).",
        footer = {"%nExample:", "  groupbuy commitment sign @commitment.json --org leader --user leader1",
                "  (JSON: id, community, obligations, statementHash, credentials, validFrom, validUntil;"
                        + " see docs/contract.md)"})
public final class SignCommand extends SubmitCommand {
    @Parameters(paramLabel = "COMMITMENT_JSON", description = "the commitment, inline JSON or @file.json")
    String commitment;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.sign(JsonArgument.read(commitment));
    }
}
