package org.hyperledger.fabric.shim.impl;

import com.google.protobuf.ByteString;
import java.lang.reflect.Field;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The Java shim's own stream to the peer for one transaction, for the calls a Fabric 3.1 peer answers and shim 2.5
 * does not offer yet: {@code GET_STATE_MULTIPLE} (many keys read in one round trip) and {@code WRITE_BATCH_STATE}
 * (many writes in one). A message goes out with the transaction's channel and id, exactly as the shim's own
 * {@code GET_STATE} does, and the peer's answer (or its error) comes back the same way.
 *
 * <p>This class lives in the shim's package because the call that sends a message and waits for its answer is not
 * public there. {@link #of} answers empty when the stub is not the shim's (unit tests, a future shim that renamed its
 * internals), and the caller then makes one call per key as before.
 */
public final class ShimStream {
    private static final Field HANDLER = handlerField();

    private final ChaincodeInvocationTask handler;
    private final String channelId;
    private final String txId;

    private ShimStream(final ChaincodeInvocationTask handler, final String channelId, final String txId) {
        this.handler = handler;
        this.channelId = channelId;
        this.txId = txId;
    }

    /** The stream of {@code stub}'s transaction, or empty when {@code stub} is not the shim's own. */
    public static Optional<ShimStream> of(final ChaincodeStub stub) {
        if (HANDLER == null || !(stub instanceof InvocationStubImpl)) {
            return Optional.empty();
        }
        try {
            final ChaincodeInvocationTask handler = (ChaincodeInvocationTask) HANDLER.get(stub);
            return Optional.of(new ShimStream(handler, stub.getChannelId(), stub.getTxId()));
        } catch (final IllegalAccessException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** Sends one message of {@code type} and returns the peer's answer; the peer's error is thrown. */
    public ByteString call(final ChaincodeMessage.Type type, final ByteString payload) {
        return handler.invoke(ChaincodeMessageFactory.newEventMessage(type, channelId, txId, payload));
    }

    private static Field handlerField() {
        try {
            final Field field = InvocationStubImpl.class.getDeclaredField("handler");
            field.setAccessible(true);
            return field.getType() == ChaincodeInvocationTask.class ? field : null;
        } catch (final NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
