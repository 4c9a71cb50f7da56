package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import java.util.function.Function;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * docs/contract.md: reads need any identity with a valid role; a role-less identity (e.g. an org admin
 * certificate without a {@code role} attribute) gets {@code [FORBIDDEN]}. One nested class per read transaction.
 */
class ReadAccessTest {
    static final String ROLE_LESS = "[FORBIDDEN] identity of LeaderMSP has no 'role' attribute; enrol a user with "
            + "role=[leader, supplier, courier, committee, volunteer, regulator]";
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet().delivering();
        net.groupBuy.PutHouseholdDetails(net.as("leader1", TestNet.details(
                "{\"H-001\":{\"name\":\"A\",\"phone\":\"1\",\"address\":\"B\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}")), GB);
    }

    /** A read transaction: refused for the role-less admin, answered for a caller with a valid role. */
    abstract class Read {
        private final Function<Context, String> call;
        private final String reader;

        Read(final Function<Context, String> call) {
            this(call, "regulator1");
        }

        Read(final Function<Context, String> call, final String reader) {
            this.call = call;
            this.reader = reader;
        }

        String read(final Context ctx) {
            return call.apply(ctx);
        }

        String reader() {
            return reader;
        }

        @Test
        void aRoleLessIdentityIsRefused() {
            assertThatThrownBy(() -> read(net.as("admin"))).isInstanceOf(ChaincodeException.class)
                    .hasMessage(ROLE_LESS);
            assertThat(net.stub.txWrites).isEmpty();
            assertThat(net.stub.txEvents).isEmpty();
        }

        @Test
        void anIdentityWithARoleOfAnotherMspIsRefused() {
            assertThatThrownBy(() -> read(net.as("impostor"))).isInstanceOf(ChaincodeException.class)
                    .hasMessage("[FORBIDDEN] role leader belongs to LeaderMSP, not SupplierMSP; use an identity "
                            + "issued by LeaderMSP");
        }

        @Test
        void anIdentityWithAValidRoleReads() {
            assertThat(read(net.as(reader()))).isNotEmpty();
        }
    }

    @Nested
    class CommitmentGet extends Read {
        CommitmentGet() { super(ctx -> net.commitment.Get(ctx, "CM-L1")); }
    }

    @Nested
    class CommitmentList extends Read {
        CommitmentList() { super(ctx -> net.commitment.List(ctx, "C1")); }
    }

    @Nested
    class ArrivalQueue extends Read {
        ArrivalQueue() { super(ctx -> net.groupBuy.ArrivalQueue(ctx, "C1", "2026-04-11")); }
    }

    @Nested
    class GetGroupBuy extends Read {
        GetGroupBuy() { super(ctx -> net.audit.GetGroupBuy(ctx, GB)); }
    }

    @Nested
    class ListGroupBuys extends Read {
        ListGroupBuys() { super(ctx -> net.audit.ListGroupBuys(ctx, "C1", "", "10", "")); }
    }

    @Nested
    class ListHouseholdOrders extends Read {
        ListHouseholdOrders() { super(ctx -> net.audit.ListHouseholdOrders(ctx, GB, "10", "")); }
    }

    @Nested
    class GetHouseholdDetails extends Read {
        GetHouseholdDetails() { super(ctx -> net.audit.GetHouseholdDetails(ctx, GB, "H-001"), "leader1"); }
    }

    @Nested
    class Trace extends Read {
        Trace() { super(ctx -> net.audit.Trace(ctx, GB)); }
    }

    @Nested
    class TraceHousehold extends Read {
        TraceHousehold() { super(ctx -> net.audit.TraceHousehold(ctx, GB, "H-001")); }
    }

    @Nested
    class PartyRecord extends Read {
        PartyRecord() { super(ctx -> net.audit.PartyRecord(ctx, "SupplierMSP/supplier1")); }
    }

    @Nested
    class VerifyEvidence extends Read {
        VerifyEvidence() { super(ctx -> net.audit.VerifyEvidence(ctx, TestNet.H1)); }
    }
}
