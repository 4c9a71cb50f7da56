package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
@Command(name = "pack", description = "Record packing: lots per sku, quantities and evidence hashes (inspection, test reports).",
        footer = {"%nExample:", "  groupbuy supplier pack GB-7 '{\"lots\":[{\"sku\":\"VEG-BOX\",\"lot\":\"L20260411-01\",\"quantity\":40}],\"evidenceHashes\":[\"<sha256>\"]}' --org supplier"})
public final class PackCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "PACK_JSON", description = "inline JSON or @file.json")
    String pack;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.pack(id, JsonArgument.read(pack));
    }
}
