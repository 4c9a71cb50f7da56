package org.groupbuy.client.commands.community;

import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "register", description = "Register a community with its hand-over points and policy "
        + "(committee of that community).",
        footer = {"%nExample:", "  groupbuy community register C1 --name \"Lane 88 compound\" --district Pudong \\",
                "      --handover-points '[{\"id\":\"HP1\",\"name\":\"North gate\"}]' \\",
                "      --policy '{\"dailyCapacity\":{\"HP1\":4},\"minRestMinutes\":{\"GUARANTEE\":30,"
                        + "\"IMPROVEMENT\":120},\"maxLeaderFeePercent\":5}' --org committee"})
public final class RegisterCommand extends SubmitCommand {
    @Parameters(paramLabel = "COMMUNITY_ID")
    String id;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--district", required = true)
    String district;

    @Option(names = "--handover-points", required = true, paramLabel = "JSON", description = "JSON array or @file.json")
    String handoverPoints;

    @Option(names = "--policy", required = true, paramLabel = "JSON", description = "JSON object or @file.json")
    String policy;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.registerCommunity(id, name, district,
                JsonArgument.read(handoverPoints), JsonArgument.read(policy));
    }
}
