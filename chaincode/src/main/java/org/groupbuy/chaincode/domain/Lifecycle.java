package org.groupbuy.chaincode.domain;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * A state machine as an enum: each constant lists the states it may move to. {@link #guard} refuses a move
 * that is not listed; {@link #requireIn} refuses an activity outside the states that allow it. Both refuse
 * through one place with {@code [INVALID_STATE] group buy GB-7 is PACKED; Accept needs SUBMITTED}.
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** Names of the states this one may move to (names, because enum constants cannot refer forward). */
    List<String> nextNames();

    default boolean canMoveTo(final S target) {
        return nextNames().contains(target.name());
    }

    /** The guard: refuses a move from this state to {@code target} unless the table lists it. */
    default void guard(final String kind, final String id, final S target, final String action) {
        final List<S> sources = new java.util.ArrayList<>();
        for (final S state : target.getDeclaringClass().getEnumConstants()) {
            if (state.canMoveTo(target)) {
                sources.add(state);
            }
        }
        requireIn(kind, id, action, sources);
    }

    /** Refuses an activity unless this state is one of {@code allowed}. */
    @SuppressWarnings("unchecked")
    default void requireIn(final String kind, final String id, final String action, final Collection<S> allowed) {
        if (allowed.contains((S) this)) {
            return;
        }
        final StringJoiner from = new StringJoiner(" or ");
        allowed.forEach(s -> from.add(s.name()));
        throw ErrorCode.INVALID_STATE.error("%s %s is %s; %s needs %s", kind, id, ((Enum<S>) this).name(), action,
                allowed.isEmpty() ? "a state it can no longer reach" : from.toString());
    }
}
