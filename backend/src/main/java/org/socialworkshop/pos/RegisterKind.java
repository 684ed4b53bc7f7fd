package org.socialworkshop.pos;

/** Where a register sells. */
public enum RegisterKind {
    CANTEEN, CAFE, TEA_ROOM, SHOP_COUNTER
}
