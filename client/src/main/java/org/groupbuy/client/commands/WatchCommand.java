package org.groupbuy.client.commands;

import io.grpc.Status;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.groupbuy.client.events.EventLine;
import org.groupbuy.client.events.EventWatch;
import org.groupbuy.client.ledger.LedgerSession;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "watch", description = {"Stream the chaincode's events as blocks commit: block, transaction id, "
        + "event name, payload.",
        "With --checkpoint FILE it resumes after the last event shown in a previous run, missing none."},
        footer = {"%nExamples:", "  groupbuy watch --org committee",
                "  groupbuy watch --since 0 --checkpoint var/watch-committee.json --json --org committee",
                "  groupbuy watch --since 5 --limit 10 --timeout 30 --json --org regulator"})
public final class WatchCommand extends LedgerCommand {
    @Option(names = "--since", paramLabel = "BLOCK", description = "first block to read when no checkpoint is saved")
    Long since;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "file that remembers the last event shown")
    Path checkpoint;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "stop after N events (0 = never)")
    int limit;

    @Option(names = "--timeout", defaultValue = "0", paramLabel = "SECONDS", description = "stop after this long (0 = never)")
    long timeoutSeconds;

    @Override
    protected void run(LedgerSession session) throws Exception {
        OptionalLong start = since == null ? OptionalLong.empty() : OptionalLong.of(since);
        try (FileCheckpointer checkpointer = new FileCheckpointer(checkpointPath())) {
            err().println("watching chaincode " + session.settings().chaincode() + " on " + session.settings().channel()
                    + ": " + EventWatch.describeStart(checkpointer, start));
            err().flush();
            ChaincodeEventsRequest request = new EventWatch(session.network(), session.settings().chaincode())
                    .request(checkpointer, start);
            CloseableIterator<ChaincodeEvent> events = timeoutSeconds > 0
                    ? request.getEvents(CallOption.deadlineAfter(timeoutSeconds, TimeUnit.SECONDS))
                    : request.getEvents();
            show(events, checkpointer);
        }
    }

    private void show(CloseableIterator<ChaincodeEvent> events, Checkpointer checkpointer) throws Exception {
        try {
            EventWatch.stream(events, checkpointer, event -> {
                out().println(json ? EventLine.json(event) : EventLine.text(event));
                out().flush();
            }, limit);
        } catch (GatewayRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
                throw e;
            }
        }
    }

    private Path checkpointPath() throws java.io.IOException {
        if (checkpoint != null) {
            return checkpoint;
        }
        Path scratch = java.nio.file.Files.createTempFile("groupbuy-watch", ".json");
        java.nio.file.Files.delete(scratch);
        scratch.toFile().deleteOnExit();
        return scratch;
    }
}
