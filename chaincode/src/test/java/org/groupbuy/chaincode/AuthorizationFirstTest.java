package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.groupbuy.chaincode.domain.Role;
import org.junit.jupiter.api.Test;

/**
 * Generated from the declaration {@link Access}: for every transaction and every role that may never call it,
 * a call with junk arguments (and with the real id GB-1) on a ledger holding an OPEN group buy with orders and
 * household details is refused {@code [FORBIDDEN]} naming the transaction, its roles and the caller, and the
 * call read no key, no range, no private data and no transient data, wrote nothing and emitted no event. So a
 * refused caller learns nothing, not even whether an id exists or an argument is well formed.
 */
class AuthorizationFirstTest {
    /** Junk in every argument; null as a client that sends nothing; GB-1 as an id that exists. */
    private static final List<String> JUNK = Arrays.asList("x", "{", "", "null", null, TestNet.GB);

    /** The member of the standard cast who holds the role in its own MSP. */
    static String castMember(final Role role) {
        return TestNet.CAST.entrySet().stream()
                .filter(e -> role.attribute().equals(e.getValue()[1]) && role.mspIds().get(0).equals(e.getValue()[0]))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    static String expectedRefusal(final Access access, final String who) {
        final String[] cast = TestNet.CAST.get(who);
        final String roles = access.roles().stream().map(Role::attribute).collect(Collectors.joining(", ", "[", "]"));
        return String.format(Locale.ROOT, "[FORBIDDEN] %s is for %s; you are %s (%s%s)", access.transaction(), roles,
                TestNet.party(who), cast[1], cast[2] == null ? "" : " of " + cast[2]);
    }

    /** What a call that is not refused properly did instead: its code (or "accepted"), then what it touched. */
    static String misstep(final String message, final boolean exact, final FakeStub stub) {
        final boolean wrote = !stub.txWrites.isEmpty() || !stub.txPrivateWrites.isEmpty() || !stub.txEvents.isEmpty();
        if (exact && stub.txReads.isEmpty() && !wrote) {
            return null;
        }
        final String code = message == null ? "accepted"
                : message.startsWith("[") ? message.substring(1, message.indexOf(']')) : message;
        return code + (exact ? " as expected" : "") + (stub.txReads.isEmpty() ? "" : " after reading")
                + (wrote ? " and writing" : "");
    }

    @Test
    void everyRoleThatMayNeverCallATransactionIsRefusedBeforeAnythingIsRead() {
        final TestNet net = BadInputTest.fresh(GroupBuyStatus.OPEN);
        final List<String> failures = new ArrayList<>();
        final Map<String, Integer> missteps = new TreeMap<>();
        int pairs = 0;
        int calls = 0;
        for (final Access access : Access.values()) {
            final int arity = net.transactions().get(access.transaction()).getParameterCount() - 1;
            for (final Role role : Role.values()) {
                if (access.roles().contains(role)) {
                    continue;
                }
                pairs++;
                final String who = castMember(role);
                for (final String junk : JUNK) {
                    final String[] args = new String[arity];
                    Arrays.fill(args, junk);
                    final Throwable refused = net.call(who, access.transaction(), args);
                    calls++;
                    final String message = refused == null ? null : refused.getMessage();
                    final String misstep = misstep(message, expectedRefusal(access, who).equals(message), net.stub);
                    if (misstep != null) {
                        missteps.merge(misstep, 1, Integer::sum);
                        failures.add(access.transaction() + " by " + who + " with " + (junk == null ? "null"
                                : "\"" + junk + "\"") + ": " + misstep + ": " + message + " read " + net.stub.txReads);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "authorization first: %d transaction x role pairs refused FORBIDDEN before reading "
                + "anything (%d calls; %d not so: %s)%n", pairs, calls, failures.size(), missteps);
        failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
        assertThat(pairs).isEqualTo(180);
        assertThat(failures).isEmpty();
    }
}
