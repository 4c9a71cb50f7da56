package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PickupCodeTest {

    @Nested
    class Hash {
        @Test
        void isSha256HexOfSaltColonCode() {
            // printf '%s' '0a1b2c3d:042917' | sha256sum
            assertThat(new PickupCode("0a1b2c3d", "042917").hash())
                    .isEqualTo("50cc876616b3860598e361f78abd066d01eb1f62b566ce13a6bf7f767f24572d");
        }

        @Test
        void changesWithTheSalt() {
            assertThat(new PickupCode("0a1b2c3e", "042917").hash())
                    .isNotEqualTo(new PickupCode("0a1b2c3d", "042917").hash());
        }
    }

    @Nested
    class Draw {
        @Test
        void givesSixDigitsAndA32CharacterHexSalt() {
            PickupCode code = PickupCode.draw(new SecureRandom());

            assertThat(code.code()).matches("[0-9]{6}");
            assertThat(code.salt()).matches("[0-9a-f]{32}");
        }

        @Test
        void keepsLeadingZerosOfSmallCodes() {
            SecureRandom random = new SecureRandom() {
                @Override
                public int nextInt(int bound) {
                    return 42;
                }
            };

            assertThat(PickupCode.draw(random).code()).isEqualTo("000042");
        }
    }
}
