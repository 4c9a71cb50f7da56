package org.groupbuy.chaincode;

import java.util.List;
import org.groupbuy.chaincode.domain.Commitment;
import org.groupbuy.chaincode.domain.Community;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.ledger.Json;
import org.groupbuy.chaincode.ledger.Repo;
import org.groupbuy.chaincode.ledger.Tx;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Communities and responsibility commitments. Routes only: the rules are in the domain classes. */
@Contract(name = "Commitment", info = @Info(title = "Commitment", version = "1.0.0"))
@Default
public final class CommitmentContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterCommunity(final Context ctx, final String id, final String name, final String district,
            final String handoverPointsJson, final String policyJson) {
        final Tx tx = Tx.of(ctx, Access.REGISTER_COMMUNITY);
        final Community c = Community.register(tx.caller(), id, name, district,
                Json.parseList(handoverPointsJson, Community.HandoverPoint.class, "handoverPointsJson"),
                Json.parse(policyJson, Community.Policy.class, "policyJson"), tx.txTime());
        org.groupbuy.chaincode.domain.ErrorCode.CONFLICT.check(tx.find(Community.class, "community", id) == null,
                "community %s is already registered", id);
        new Repo(tx).save(c);
        return tx.commit(tx.event("community", "CommunityRegistered", id, "REGISTERED"), c);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Sign(final Context ctx, final String commitmentJson) {
        final Tx tx = Tx.of(ctx, Access.SIGN);
        final Repo repo = new Repo(tx);
        final Commitment c = Json.parse(commitmentJson, Commitment.class, "commitmentJson");
        c.sign(tx.caller(), tx.txTime());
        repo.community(c.community());
        org.groupbuy.chaincode.domain.ErrorCode.CONFLICT.check(tx.find(Commitment.class, "commitment", c.id()) == null,
                "commitment %s already exists; choose another id", c.id());
        repo.save(c);
        final var event = tx.event("commitment", "CommitmentSigned", c.id(), c.status());
        c.evidence().forEach(event::evidence);
        return tx.commit(event, c);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Countersign(final Context ctx, final String id) {
        return change(ctx, Access.COUNTERSIGN, id, "CommitmentCountersigned", (c, tx) -> c.countersign(tx.caller(), tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Suspend(final Context ctx, final String id, final String reason) {
        return change(ctx, Access.SUSPEND, id, "CommitmentSuspended", (c, tx) -> c.suspend(tx.caller(), reason, tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Reinstate(final Context ctx, final String id) {
        return change(ctx, Access.REINSTATE, id, "CommitmentReinstated", (c, tx) -> c.reinstate(tx.caller(), tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Revoke(final Context ctx, final String id, final String reason) {
        return change(ctx, Access.REVOKE, id, "CommitmentRevoked", (c, tx) -> c.revoke(tx.caller(), reason, tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx, final String id) {
        return Json.write(new Repo(Tx.of(ctx, Access.GET_COMMITMENT)).commitment(id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String List(final Context ctx, final String community) {
        final List<Commitment> all = new Repo(Tx.of(ctx, Access.LIST_COMMITMENTS)).commitmentsIn(community);
        return Json.write(all);
    }

    private interface Change {
        void apply(Commitment c, Tx tx);
    }

    private static String change(final Context ctx, final Access access, final String id, final String eventName, final Change change) {
        final Tx tx = Tx.of(ctx, access);
        final Repo repo = new Repo(tx);
        final Commitment c = repo.commitment(id);
        change.apply(c, tx);
        repo.save(c);
        return tx.commit(tx.event("commitment", eventName, c.id(), c.status()), c);
    }
}
