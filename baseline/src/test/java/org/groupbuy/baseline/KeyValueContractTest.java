package org.groupbuy.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class KeyValueContractTest {
    private final KeyValueContract contract = new KeyValueContract();
    private ChaincodeStub stub;
    private Context ctx;

    @BeforeEach
    void setUp() {
        stub = mock(ChaincodeStub.class);
        ctx = mock(Context.class);
        when(ctx.getStub()).thenReturn(stub);
    }

    @Nested
    class Put {
        @Test
        void writesTheValueUnderTheKey() {
            contract.Put(ctx, "k1", "v1");
            verify(stub).putState("k1", "v1".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesAnEmptyKeyAndWritesNothing() {
            ChaincodeException e = assertThrows(ChaincodeException.class, () -> contract.Put(ctx, "", "v"));
            assertEquals("[INVALID_ARGUMENT] key must not be empty", e.getMessage());
            verify(stub, never()).putState(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        }
    }

    @Nested
    class PutMany {
        @Test
        void readsEveryKeyThenWritesEachWithAValueOfTheAskedSize() {
            assertEquals(3, contract.PutMany(ctx, "b1", 3, 12));
            final InOrder order = inOrder(stub);
            final String[] keys = {"b1-000000", "b1-000001", "b1-000002"};
            for (String key : keys) {
                order.verify(stub).getState(key);
            }
            for (String key : keys) {
                order.verify(stub).putState(key, (key + "xxx").getBytes(StandardCharsets.UTF_8));
            }
            verifyNoMoreInteractions(stub);
        }

        @Test
        void cutsTheKeyWhenTheValueIsShorterThanIt() {
            contract.PutMany(ctx, "p", 1, 3);
            verify(stub).putState("p-000000", "p-0".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void refusesACountAboveTheCapAndWritesNothing() {
            ChaincodeException e = assertThrows(ChaincodeException.class, () -> contract.PutMany(ctx, "p", 1001, 10));
            assertEquals("[INVALID_ARGUMENT] count must be 1-1000, got 1001", e.getMessage());
            verifyNoInteractions(stub);
        }

        @Test
        void refusesAnEmptyPrefixOrAZeroSize() {
            assertEquals("[INVALID_ARGUMENT] prefix must not be empty",
                    assertThrows(ChaincodeException.class, () -> contract.PutMany(ctx, "", 1, 10)).getMessage());
            assertEquals("[INVALID_ARGUMENT] valueSize must be 1-10000 bytes, got 0",
                    assertThrows(ChaincodeException.class, () -> contract.PutMany(ctx, "p", 1, 0)).getMessage());
            verifyNoInteractions(stub);
        }
    }

    @Nested
    class Get {
        @Test
        void returnsTheStoredValue() {
            when(stub.getState("k1")).thenReturn("v1".getBytes(StandardCharsets.UTF_8));
            assertEquals("v1", contract.Get(ctx, "k1"));
        }

        @Test
        void reportsAMissingKeyAsNotFound() {
            ChaincodeException e = assertThrows(ChaincodeException.class, () -> contract.Get(ctx, "nope"));
            assertEquals("[NOT_FOUND] no value for key nope", e.getMessage());
        }
    }
}
