package org.groupbuy.chaincode.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A community: its hand-over points and the policy its committee sets. */
public final class Community {
    private String id;
    private String name;
    private String district;
    private List<HandoverPoint> handoverPoints;
    private Policy policy;
    private String registeredBy;
    private String registeredAt;

    /** A safe hand-over point at the community's gate. */
    public static final class HandoverPoint {
        private String id;
        private String name;
    }

    /** Capacity per hand-over point per day, rest minutes per category, leader fee cap, approval. */
    public static final class Policy {
        private TreeMap<String, Integer> dailyCapacity;
        private TreeMap<String, Integer> minRestMinutes;
        private Integer maxLeaderFeePercent;
        private Boolean approvalRequired;
    }

    /** Registers a community; only its own committee may. */
    public static Community register(final Caller caller, final String id, final String name, final String district,
            final List<HandoverPoint> points, final Policy policy, final Instant at) {
        Args.id(id, "community id");
        caller.requireIn(id, "RegisterCommunity", Role.COMMITTEE);
        final Community c = new Community();
        c.id = id;
        c.name = Args.text(name, "name", 100);
        c.district = Args.text(district, "district", 100);
        ErrorCode.INVALID_ARGUMENT.check(points != null && !points.isEmpty(), "handoverPointsJson needs at least one point");
        final TreeSet<String> ids = new TreeSet<>();
        for (final HandoverPoint p : points) {
            ErrorCode.INVALID_ARGUMENT.check(ids.add(Args.id(p.id, "hand-over point id")),
                    "hand-over point %s is listed twice", p.id);
            Args.text(p.name, "hand-over point name", 100);
        }
        c.handoverPoints = List.copyOf(points);
        Args.present(policy, "policyJson");
        Args.present(policy.dailyCapacity, "policy.dailyCapacity");
        ErrorCode.INVALID_ARGUMENT.check(policy.dailyCapacity.keySet().equals(ids),
                "policy.dailyCapacity must give a capacity for exactly the hand-over points %s", ids);
        policy.dailyCapacity.forEach((k, v) -> Args.atLeast(Args.present(v, "capacity"), 1, "capacity of " + k));
        Args.present(policy.minRestMinutes, "policy.minRestMinutes");
        for (final Category cat : Category.values()) {
            Args.atLeast(Args.present(policy.minRestMinutes.get(cat.name()), "policy.minRestMinutes." + cat), 0,
                    "policy.minRestMinutes." + cat);
        }
        ErrorCode.INVALID_ARGUMENT.check(policy.minRestMinutes.size() == Category.values().length,
                "policy.minRestMinutes takes only GUARANTEE and IMPROVEMENT");
        final int fee = Args.present(policy.maxLeaderFeePercent, "policy.maxLeaderFeePercent");
        ErrorCode.INVALID_ARGUMENT.check(fee >= 0 && fee <= 100, "policy.maxLeaderFeePercent must be 0-100");
        if (policy.approvalRequired == null) {
            policy.approvalRequired = Boolean.TRUE;
        }
        c.policy = policy;
        c.registeredBy = caller.party();
        c.registeredAt = at.toString();
        return c;
    }

    public String id() {
        return id;
    }

    public boolean approvalRequired() {
        return policy.approvalRequired;
    }

    public int maxLeaderFeePercent() {
        return policy.maxLeaderFeePercent;
    }

    public void requireHandoverPoint(final String point) {
        ErrorCode.INVALID_ARGUMENT.check(policy.dailyCapacity.containsKey(point),
                "hand-over point %s is not one of community %s's points %s", point, id, policy.dailyCapacity.keySet());
    }

    public int dailyCapacity(final String point) {
        return policy.dailyCapacity.getOrDefault(point, 0);
    }

    /** The longest minimum rest among the categories present. */
    public int minRestMinutes(final Iterable<Category> categories) {
        int rest = 0;
        for (final Category c : categories) {
            rest = Math.max(rest, policy.minRestMinutes.getOrDefault(c.name(), 0));
        }
        return rest;
    }

    Map<String, Integer> capacities() {
        return policy.dailyCapacity;
    }
}
