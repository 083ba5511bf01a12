package org.seiche.acoustic.spi;

/**
 * Points where sources inject or receivers record, for a batch of shots. Point p belongs to
 * shot s when {@code shotStart[s] <= p < shotStart[s + 1]}; it touches field
 * {@code fields[p]} (0: pressure; 1 + d: the particle velocity along dimension d) at grid
 * index {@code cells[p]} and is tied to row {@code traces[p]} of a trace matrix
 * [traces][steps].
 */
public record PointSet(int[] shotStart, int[] fields, int[] cells, int[] traces) {
    /** The field index of the pressure; velocity along dimension d is {@code VELOCITY + d}. */
    public static final int PRESSURE = 0;
    public static final int VELOCITY = 1;

    public PointSet {
        int n = fields.length;
        if (cells.length != n || traces.length != n || shotStart[shotStart.length - 1] != n) {
            throw new IllegalArgumentException("point arrays disagree in length");
        }
    }

    public int shots() {
        return shotStart.length - 1;
    }
}
