package org.groupbuy.client.commands;

import picocli.CommandLine.Parameters;

/** A submit command on one commitment, named by its id. */
public abstract class CommitmentCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "COMMITMENT_ID", description = "e.g. CM-leader1-C1")
    protected String id;
}
