package org.groupbuy.chaincode;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.Commitment;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.chaincode.domain.GroupBuy;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.groupbuy.chaincode.domain.PartyRecord;
import org.groupbuy.chaincode.ledger.Json;
import org.groupbuy.chaincode.ledger.Repo;
import org.groupbuy.chaincode.ledger.Tx;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Read-only queries: get, list with paging, trace, party record, evidence check. */
@Contract(name = "Audit", info = @Info(title = "Audit", version = "1.0.0"))
public final class AuditContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetGroupBuy(final Context ctx, final String id) {
        return Json.write(new Repo(Tx.of(ctx, Access.GET_GROUP_BUY)).groupBuy(id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListGroupBuys(final Context ctx, final String community, final String status, final String pageSize,
            final String bookmark) {
        final Tx tx = Tx.of(ctx, Access.LIST_GROUP_BUYS);
        final Repo repo = new Repo(tx);
        final GroupBuyStatus wanted = status == null || status.isBlank() ? null
                : Args.oneOf(status, GroupBuyStatus.class, "status");
        final Tx.Page page = tx.page((int) Args.whole(pageSize, "pageSize", 1, 200), bookmark, "gbCommunity",
                Args.id(community, "community"));
        final List<GroupBuy> records = new ArrayList<>();
        for (final String id : page.ids()) {
            final GroupBuy gb = repo.groupBuy(id);
            if (wanted == null || gb.status() == wanted) {
                records.add(gb);
            }
        }
        return pageJson(records, page);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListHouseholdOrders(final Context ctx, final String id, final String pageSize,
            final String bookmark) {
        final Tx tx = Tx.of(ctx, Access.LIST_HOUSEHOLD_ORDERS);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        final Tx.Page page = tx.page((int) Args.whole(pageSize, "pageSize", 1, 200), bookmark, "order", gb.id());
        final List<HouseholdOrder> records = new ArrayList<>();
        page.ids().forEach(h -> records.add(repo.order(gb, h)));
        return pageJson(records, page);
    }

    private static String pageJson(final List<?> records, final Tx.Page page) {
        final JsonObject out = new JsonObject();
        out.add("records", JsonParser.parseString(Json.write(records)));
        out.addProperty("bookmark", page.bookmark());
        out.addProperty("fetched", page.ids().size());
        return Json.write(out);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetHouseholdDetails(final Context ctx, final String id, final String household) {
        final Tx tx = Tx.of(ctx, Access.GET_HOUSEHOLD_DETAILS);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        gb.requireDetailsAccess(tx.caller(), "GetHouseholdDetails");
        final String details = repo.details(gb, repo.order(gb, household));
        ErrorCode.NOT_FOUND.check(details != null || !gb.status().endsForHouseholds(), "the details of household %s "
                + "of %s were purged when it became %s", household, gb.id(), gb.status());
        ErrorCode.NOT_FOUND.check(details != null, "no details stored for household %s of %s; the leader sends them "
                + "with GroupBuy:PutHouseholdDetails", household, gb.id());
        return details;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Trace(final Context ctx, final String id) {
        return Json.write(traceOf(Tx.of(ctx, Access.TRACE), Args.id(id, "id")));
    }

    /**
     * The trace records under {@code trace~id[~kind]}: given only the id, those of every kind of record named so
     * (commitment, community, group buy), kind by kind, each in time order.
     */
    private static List<JsonElement> traceOf(final Tx tx, final String... idAndKind) {
        final List<JsonElement> out = new ArrayList<>();
        tx.all(JsonObject.class, "trace", idAndKind).forEach(out::add);
        ErrorCode.NOT_FOUND.check(!out.isEmpty(), "nothing is recorded for %s; check the id", idAndKind[0]);
        return out;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String TraceHousehold(final Context ctx, final String id, final String household) {
        final Tx tx = Tx.of(ctx, Access.TRACE_HOUSEHOLD);
        final Repo repo = new Repo(tx);
        final HouseholdOrder order = repo.order(repo.groupBuy(id), household);
        final JsonArray events = new JsonArray();
        for (final JsonElement e : traceOf(tx, id, "groupbuy")) {
            final JsonElement h = e.getAsJsonObject().get("household");
            if (h == null || h.getAsString().equals(household)) {
                events.add(e);
            }
        }
        final JsonObject out = new JsonObject();
        out.add("order", JsonParser.parseString(Json.write(order)));
        out.add("events", events);
        out.add("money", JsonParser.parseString(Json.write(repo.money(id, household))));
        return Json.write(out);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String PartyRecord(final Context ctx, final String party) {
        final Tx tx = Tx.of(ctx, Access.PARTY_RECORD);
        final Repo repo = new Repo(tx);
        Args.party(party, "party");
        final List<GroupBuy> groupBuys = new ArrayList<>();
        tx.lastAttributes("gbParty", party).forEach(id -> groupBuys.add(repo.groupBuy(id)));
        final List<Commitment> commitments = repo.commitmentsOf(party);
        final int upheld = tx.lastAttributes("partyDispute", party).size();
        return Json.write(PartyRecord.of(party, groupBuys, commitments, upheld, tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String VerifyEvidence(final Context ctx, final String sha256) {
        final Tx tx = Tx.of(ctx, Access.VERIFY_EVIDENCE);
        final List<Tx.Citation> citations = tx.all(Tx.Citation.class, "evidence", Args.hash(sha256, "sha256"));
        final TreeMap<String, Object> out = new TreeMap<>();
        out.put("sha256", sha256);
        out.put("cited", !citations.isEmpty());
        out.put("records", citations);
        return Json.write(out);
    }
}
