package org.groupbuy.chaincode.domain;

/** Goods category: basic GUARANTEE goods go first when transport or hand-over capacity is short. */
public enum Category {
    GUARANTEE, IMPROVEMENT
}
