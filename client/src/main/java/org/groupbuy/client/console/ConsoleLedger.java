package org.groupbuy.client.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.groupbuy.client.connection.CertificateFacts;
import org.groupbuy.client.connection.IdentityFiles;
import org.groupbuy.client.events.EventWatch;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Everything the console reads from the ledger, in one place, through the typed
 * {@link GroupBuyLedger} (and qscc / the event stream for block numbers). Every read is a query on
 * the own org's peer as the console's identity; refusals come back as
 * {@link ConsoleRefusal} with the chaincode's "[CODE] message".
 */
public class ConsoleLedger {
    /** Rows per page of the lists the console shows (one page: the console does not page). */
    static final int PAGE_SIZE = 200;
    private final LedgerSession session;
    private final GroupBuyLedger ledger;
    private final CertificateFacts identity;
    private final Map<String, Long> blockByTx = new ConcurrentHashMap<>();

    public ConsoleLedger(LedgerSession session, CertificateFacts identity) {
        this.session = session;
        this.ledger = GroupBuyLedger.of(session);
        this.identity = identity;
    }

    /** The console's ledger for the identity the session was opened with. */
    public static ConsoleLedger of(LedgerSession session) {
        return new ConsoleLedger(session, CertificateFacts.of(new IdentityFiles(session.settings()).certificate()));
    }

    /** MSPID/commonName of the identity the console acts with. */
    public String party() {
        return session.settings().mspId() + "/" + identity.commonName();
    }

    public String role() {
        return identity.role().orElse("");
    }

    public Optional<String> community() {
        return identity.community();
    }

    public JsonElement groupBuy(String id) {
        return query(ledger -> ledger.readGroupBuy(id));
    }

    public JsonElement trace(String id) {
        return query(ledger -> ledger.trace(id));
    }

    public JsonElement householdOrders(String groupBuyId) {
        return query(ledger -> ledger.listHouseholdOrders(groupBuyId, PAGE_SIZE, ""));
    }

    public JsonElement householdTrace(String groupBuyId, String household) {
        return query(ledger -> ledger.traceHousehold(groupBuyId, household));
    }

    public JsonElement householdDetails(String groupBuyId, String household) {
        return query(ledger -> ledger.getHouseholdDetails(groupBuyId, household));
    }

    public JsonElement groupBuysOf(String community) {
        return query(ledger -> ledger.listGroupBuys(community, "", PAGE_SIZE, ""));
    }

    public JsonElement arrivalQueue(String community, String day) {
        return query(ledger -> ledger.arrivalQueue(community, day));
    }

    public JsonElement commitmentsOf(String community) {
        return query(ledger -> ledger.listCommitments(community));
    }

    public JsonElement partyRecord(String party) {
        return query(ledger -> ledger.partyRecord(party));
    }

    public JsonElement verifyEvidence(String sha256) {
        return query(ledger -> ledger.verifyEvidence(sha256));
    }

    /** The number of the block that holds a transaction (remembered: a committed block never changes). */
    public OptionalLong blockOf(String txId) {
        Long known = blockByTx.get(txId);
        if (known != null) {
            return OptionalLong.of(known);
        }
        try {
            byte[] block = session.network().getContract("qscc")
                    .evaluateTransaction("GetBlockByTxID", session.settings().channel(), txId);
            long number = Block.parseFrom(block).getHeader().getNumber();
            blockByTx.put(txId, number);
            return OptionalLong.of(number);
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    /** Remembers where a transaction was committed, as the event stream reports it. */
    public void rememberBlock(String txId, long blockNumber) {
        blockByTx.put(txId, blockNumber);
    }

    /** The chaincode's events from a checkpoint on (or from block 0 when it holds no position). */
    public ChaincodeEventsRequest events(Checkpoint checkpoint) {
        return new EventWatch(session.network(), session.settings().chaincode()).request(checkpoint, OptionalLong.of(0));
    }

    private JsonElement query(Function<GroupBuyLedger, Answer> read) {
        try {
            String payload = read.apply(ledger).payload();
            return payload.isBlank() ? JsonParser.parseString("null") : JsonParser.parseString(payload);
        } catch (Exception e) {
            CliFailure failure = new ErrorReport(session.settings().peerEndpoint()).describe(e);
            throw new ConsoleRefusal(failure.getMessage());
        }
    }
}
