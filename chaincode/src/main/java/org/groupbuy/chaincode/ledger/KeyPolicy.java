package org.groupbuy.chaincode.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.groupbuy.chaincode.domain.StepEndorsement;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * A {@link StepEndorsement} as the bytes of a key's validation parameter, a {@code SignaturePolicyEnvelope}: every
 * required org's peer, and enough peers of the other members to make a majority of distinct orgs:
 * {@code AND(required..., (quorum - required)-OutOf(others...))}. The two parts name disjoint orgs on purpose: Fabric
 * lets one signature satisfy one principal only, and its evaluation is greedy, so {@code AND(3-OutOf(all five), X)}
 * would need X twice and no set of one peer per org could ever satisfy it. Identities are the members' PEER roles in
 * sorted order, so every endorser writes the same bytes.
 */
public final class KeyPolicy {
    private KeyPolicy() {
    }

    /** Few distinct policies exist (a state's steps times the orgs of a group buy's parties); bounded all the same. */
    private static final int CACHED = 512;
    private static final Map<StepEndorsement, byte[]> BYTES = new ConcurrentHashMap<>();

    /**
     * The envelope's bytes, built once per distinct requirement: an import sets the same policy on each of its 200
     * order keys. A copy, so no caller can change what another writes.
     */
    public static byte[] bytes(final StepEndorsement step) {
        if (BYTES.size() >= CACHED) {
            BYTES.clear();
        }
        return BYTES.computeIfAbsent(step, KeyPolicy::build).clone();
    }

    private static byte[] build(final StepEndorsement step) {
        final List<String> members = sorted(step.members());
        final SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder().setVersion(0);
        members.forEach(org -> envelope.addIdentities(peerOf(org)));
        final List<String> required = sorted(step.required());
        final SignaturePolicy.NOutOf.Builder all = SignaturePolicy.NOutOf.newBuilder();
        required.forEach(org -> all.addRules(signedBy(members.indexOf(org))));
        final int more = step.quorum() - required.size();
        if (more > 0) {
            final SignaturePolicy.NOutOf.Builder others = SignaturePolicy.NOutOf.newBuilder().setN(more);
            for (int i = 0; i < members.size(); i++) {
                if (!required.contains(members.get(i))) {
                    others.addRules(signedBy(i));
                }
            }
            all.addRules(SignaturePolicy.newBuilder().setNOutOf(others));
        }
        all.setN(all.getRulesCount());
        return envelope.setRule(SignaturePolicy.newBuilder().setNOutOf(all)).build().toByteArray();
    }

    /** In natural order whatever the set's comparator: the bytes must not depend on it. */
    private static List<String> sorted(final Collection<String> orgs) {
        final List<String> out = new ArrayList<>(orgs);
        Collections.sort(out);
        return out;
    }

    private static MSPPrincipal peerOf(final String mspId) {
        return MSPPrincipal.newBuilder().setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                .setPrincipal(MSPRole.newBuilder().setMspIdentifier(mspId).setRole(MSPRole.MSPRoleType.PEER).build()
                        .toByteString())
                .build();
    }

    private static SignaturePolicy signedBy(final int index) {
        return SignaturePolicy.newBuilder().setSignedBy(index).build();
    }
}
