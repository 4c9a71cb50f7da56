package org.groupbuy.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
