package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.domain.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The declaration {@link Access} names every transaction once and agrees with the "who" column of
 * docs/contract.md role by role.
 *
 * <p>Why the test reads the document rather than generating its table from the declaration: the "who" column
 * says more than roles ("the group buy's leader", "committee of the community", "from cutoff + 1 h anyone"),
 * and that prose is what readers and the e2e access matrix go by; a generated column would lose it. So the
 * test takes from each cell only the role words it names (leader, supplier, courier, committee, volunteer,
 * regulator; "any valid role" and "anyone" mean every role) and requires exactly the declared roles. Changing
 * either side without the other fails here.
 */
class AccessDeclarationTest {
    private static final Path CONTRACT_MD = Path.of("../docs/contract.md");
    /** A row of an argument-shapes table: {@code | `Name(args)` | who | ... |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)\\(.*?\\)` \\| ([^|]+) \\|");
    private static final Pattern SECTION = Pattern.compile("^### (Commitment|GroupBuy|Audit)\\b");

    /** {@code Contract:Name} to the roles its "who" cell names, for the tables under "## Argument shapes". */
    static TreeMap<String, Set<Role>> documentedRoles() throws IOException {
        final TreeMap<String, Set<Role>> out = new TreeMap<>();
        String contract = null;
        boolean shapes = false;
        for (final String line : Files.readAllLines(CONTRACT_MD, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                shapes = line.startsWith("## Argument shapes");
            }
            final Matcher section = SECTION.matcher(line);
            if (section.find()) {
                contract = section.group(1);
            }
            final Matcher row = ROW.matcher(line);
            if (shapes && row.find()) {
                out.put(contract + ":" + row.group(1), roles(row.group(2)));
            }
        }
        return out;
    }

    /** The roles a "who" cell names. */
    static Set<Role> roles(final String who) {
        if (who.contains("any valid role") || who.contains("anyone")) {
            return EnumSet.allOf(Role.class);
        }
        final Set<Role> named = EnumSet.noneOf(Role.class);
        for (final Role role : Role.values()) {
            if (Pattern.compile("\\b" + role.attribute() + "\\b").matcher(who).find()) {
                named.add(role);
            }
        }
        return named;
    }

    static TreeMap<String, Set<Role>> declaredRoles() {
        final TreeMap<String, Set<Role>> out = new TreeMap<>();
        Arrays.stream(Access.values()).forEach(a -> out.put(a.transaction(), a.roles()));
        return out;
    }

    @Nested
    class TheDeclaration {
        @Test
        void namesEveryTransactionOfTheThreeContractsExactlyOnce() {
            assertThat(declaredRoles().keySet()).containsExactlyElementsOf(new TestNet().transactions().keySet());
            assertThat(declaredRoles()).hasSize(Access.values().length);
        }

        @Test
        void letsEveryTransactionBeCalledBySomeRole() {
            declaredRoles().forEach((tx, roles) -> assertThat(roles).as(tx).isNotEmpty());
        }
    }

    @Nested
    class ContractMd {
        @Test
        void hasAWhoCellForEveryDeclaredTransactionAndNoOther() throws IOException {
            assertThat(documentedRoles().keySet()).containsExactlyElementsOf(declaredRoles().keySet());
        }

        @Test
        void namesTheDeclaredRolesInEveryWhoCell() throws IOException {
            final TreeMap<String, Set<Role>> documented = documentedRoles();
            final List<String> differ = new ArrayList<>();
            declaredRoles().forEach((tx, roles) -> {
                if (!roles.equals(documented.get(tx))) {
                    differ.add(tx + ": docs/contract.md names " + documented.get(tx) + ", Access declares " + roles);
                }
            });
            assertThat(differ).isEmpty();
        }

        @Test
        void readsRoleWordsOutOfTheProse() {
            assertThat(roles("volunteer/committee of the community, or the leader"))
                    .containsExactly(Role.LEADER, Role.COMMITTEE, Role.VOLUNTEER);
            assertThat(roles("the group buy's leader; from cutoff also the committee of its community; "
                    + "from cutoff + 1 h anyone")).isEqualTo(EnumSet.allOf(Role.class));
            assertThat(roles("a courier with an ACTIVE commitment in the community")).containsExactly(Role.COURIER);
        }
    }
}
