package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PickupCodeTest {

    @Nested
    class Hash {
        @Test
        void isSha256HexOfSaltColonCanonicalToken() {
            // printf '%s' '0a1b2c3d:7K3MQ9TXB2CDH4NP' | sha256sum
            assertThat(new PickupCode("0a1b2c3d", "7K3M-Q9TX-B2CD-H4NP").hash())
                    .isEqualTo("213531846ff1308d6f16d79540089877f5cbf20e4a872e6b492250edc25534b6");
        }

        @Test
        void readsATokenTypedWithoutDashesOrInSmallLettersAsTheSameToken() {
            assertThat(new PickupCode("0a1b2c3d", "7k3m q9tx b2cd h4np").hash())
                    .isEqualTo(new PickupCode("0a1b2c3d", "7K3M-Q9TX-B2CD-H4NP").hash());
        }

        @Test
        void changesWithTheSalt() {
            assertThat(new PickupCode("0a1b2c3e", "7K3M-Q9TX-B2CD-H4NP").hash())
                    .isNotEqualTo(new PickupCode("0a1b2c3d", "7K3M-Q9TX-B2CD-H4NP").hash());
        }
    }

    @Nested
    class Draw {
        @Test
        void givesSixteenCharactersOfTheUnambiguousAlphabetInGroupsOfFourAndA32CharacterHexSalt() {
            PickupCode code = PickupCode.draw(new SecureRandom());

            assertThat(code.code()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
            assertThat(code.salt()).matches("[0-9a-f]{32}");
        }

        @Test
        void carriesEightyBitsFiveForEachOfSixteenCharacters() {
            assertThat(PickupCode.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
            assertThat(PickupCode.BITS).isEqualTo(PickupCode.LENGTH * 5).isEqualTo(80);
        }

        @Test
        void usesEveryCharacterOfTheAlphabetAndNeverTheSameTokenTwice() {
            SecureRandom random = new SecureRandom();
            Set<String> tokens = new HashSet<>();
            Set<Character> seen = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                String token = PickupCode.draw(random).code();
                tokens.add(token);
                PickupCode.canonical(token).chars().forEach(c -> seen.add((char) c));
            }
            assertThat(tokens).hasSize(2000);
            assertThat(seen).hasSize(32);
        }

        @Test
        void drawsEachCharacterFromTheRandomSource() {
            SecureRandom random = new SecureRandom() {
                @Override
                public int nextInt(int bound) {
                    return bound - 1;
                }
            };

            assertThat(PickupCode.draw(random).code()).isEqualTo("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        }
    }
}
