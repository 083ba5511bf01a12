package org.seiche.api;

/** Receivers of one kind: their component ("" for scalar, y | x | p for elastic) and locations. */
public record ReceiverGroup(String component, Locations locations) {
    public ReceiverGroup select(int[] shots) {
        return new ReceiverGroup(component, locations.select(shots));
    }
}
