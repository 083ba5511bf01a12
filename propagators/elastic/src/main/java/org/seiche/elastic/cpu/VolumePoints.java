package org.seiche.elastic.cpu;

/**
 * Source or receiver points of a batch on a {@link VolumeGrid}: point p belongs to shot s
 * when {@code shotStart[s] <= p < shotStart[s + 1]}, touches field {@code fields[p]}
 * (0 .. ndim-1: the velocity v_d; ndim .. 2 ndim - 1: the normal stress sigma_dd) at flat
 * index {@code cells[p]} and row {@code traces[p]} of a trace matrix [traces][steps], with
 * a weight (a receiver adds weight x field to its trace, a source weight x trace to its field).
 */
public record VolumePoints(int[] shotStart, int[] fields, int[] cells, int[] traces, double[] weights) {
    public VolumePoints {
        int n = fields.length;
        if (cells.length != n || traces.length != n || weights.length != n || shotStart[shotStart.length - 1] != n) {
            throw new IllegalArgumentException("point arrays disagree in length");
        }
    }
}
