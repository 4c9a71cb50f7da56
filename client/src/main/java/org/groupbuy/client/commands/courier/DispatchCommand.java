package org.groupbuy.client.commands.courier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
@Command(name = "dispatch", description = "Pick up the goods and set off: transport pass, vehicle, driver health-check hash (courier with an active commitment).",
        footer = {"%nExample:", "  groupbuy courier dispatch GB-7 '{\"passNumber\":\"SH-PASS-0042\",\"vehicle\":\"HU-A12345\",\"driverHealthCheckHash\":\"<sha256>\"}' --org courier"})
public final class DispatchCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "DISPATCH_JSON", description = "inline JSON or @file.json")
    String dispatch;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.dispatch(id, JsonArgument.read(dispatch));
    }
}
