package org.groupbuy.client.commands;

import picocli.CommandLine.Parameters;

/** A submit command whose first argument is the group buy id. */
public abstract class GroupBuyCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID", description = "the group buy, e.g. GB-7")
    protected String id;
}
