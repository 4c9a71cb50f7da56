package org.groupbuy.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {
    static ClientIdentity identity(final String msp, final String role, final String cn) {
        final ClientIdentity id = mock(ClientIdentity.class);
        when(id.getMSPID()).thenReturn(msp);
        when(id.getAttributeValue("role")).thenReturn(role);
        when(id.getId()).thenReturn("x509::CN=" + cn + ",OU=client::CN=ca." + msp);
        return id;
    }

    @Nested
    class SupplierCompanies {
        @Test
        void bothApprovedSupplierOrgsMayIssueTheSupplierRole() {
            assertThat(Role.SUPPLIER.mspIds()).containsExactly("SupplierMSP", "FreshFarmMSP");
            assertThat(Role.SUPPLIER.issuedBy("FreshFarmMSP")).isTrue();
            assertThat(Role.SUPPLIER.issuedBy("CourierMSP")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"SupplierMSP/supplier1", "FreshFarmMSP/freshfarm1"})
        void aPartyOfEitherSupplierOrgIsASupplierParty(final String party) {
            assertThat(Role.SUPPLIER.isParty(party)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"CourierMSP/courier1", "FreshFarmMSP", "/freshfarm1", "FreshFarmMSPX/x", ""})
        void anythingElseIsNot(final String party) {
            assertThat(Role.SUPPLIER.isParty(party)).isFalse();
        }

        @Test
        void otherRolesStayWithTheirOneOrg() {
            assertThat(Role.LEADER.mspIds()).containsExactly("LeaderMSP");
            assertThat(Role.LEADER.issuedBy("FreshFarmMSP")).isFalse();
            assertThat(Role.VOLUNTEER.mspNames()).isEqualTo("CommitteeMSP");
        }
    }

    @Nested
    class CallerOf {
        @Test
        void aFreshFarmSupplierActsAsASupplierUnderItsOwnMsp() {
            final Caller caller = Caller.of(identity("FreshFarmMSP", "supplier", "freshfarm1"));
            assertThat(caller.role()).isEqualTo(Role.SUPPLIER);
            assertThat(caller.party()).isEqualTo("FreshFarmMSP/freshfarm1");
        }

        @Test
        void aFreshFarmIdentityClaimingToBeALeaderIsRefused() {
            assertThatThrownBy(() -> Caller.of(identity("FreshFarmMSP", "leader", "freshfarm1")))
                    .hasMessage("[FORBIDDEN] role leader belongs to LeaderMSP, not FreshFarmMSP; use an identity "
                            + "issued by LeaderMSP");
        }

        @Test
        void aCourierClaimingTheSupplierRoleIsToldWhichOrgsIssueIt() {
            assertThatThrownBy(() -> Caller.of(identity("CourierMSP", "supplier", "courier1")))
                    .hasMessage("[FORBIDDEN] role supplier belongs to SupplierMSP or FreshFarmMSP, not CourierMSP; use "
                            + "an identity issued by SupplierMSP or FreshFarmMSP");
        }
    }
}
