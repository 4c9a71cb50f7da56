package org.groupbuy.chaincode;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.StringJoiner;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/** A key's validation parameter read back as text: {@code 3of(A.peer,B.peer,...)}, nested, for exact assertions. */
public final class PolicyText {
    private PolicyText() {
    }

    public static String of(final byte[] bytes) {
        try {
            final SignaturePolicyEnvelope envelope = SignaturePolicyEnvelope.parseFrom(bytes);
            return rule(envelope.getRule(), envelope.getIdentitiesList());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a SignaturePolicyEnvelope", e);
        }
    }

    private static String rule(final SignaturePolicy rule, final List<MSPPrincipal> ids)
            throws InvalidProtocolBufferException {
        if (rule.hasSignedBy()) {
            final MSPPrincipal p = ids.get(rule.getSignedBy());
            if (p.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
                throw new AssertionError("principal is not a role: " + p);
            }
            final MSPRole role = MSPRole.parseFrom(p.getPrincipal());
            return role.getMspIdentifier() + "." + role.getRole().name().toLowerCase(java.util.Locale.ROOT);
        }
        final StringJoiner out = new StringJoiner(",", rule.getNOutOf().getN() + "of(", ")");
        for (final SignaturePolicy r : rule.getNOutOf().getRulesList()) {
            out.add(rule(r, ids));
        }
        return out.toString();
    }
}
