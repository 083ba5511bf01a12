package org.seiche.elastic.spi;

/**
 * Points where sources inject or receivers record, for a batch of shots. Point p belongs to
 * shot s when {@code shotStart[s] <= p < shotStart[s + 1]}; it touches {@code fields[p]} at
 * grid index {@code cells[p]} and is tied to row {@code traces[p]} of a trace matrix
 * [traces][steps]. A source point adds weight x trace sample to the field; a receiver
 * point adds weight x field value to the trace sample (so pressure, -(sigma_yy + sigma_xx)/2,
 * is two points on one trace).
 */
public record PointSet(int[] shotStart, Field[] fields, int[] cells, int[] traces, double[] weights) {
    public PointSet {
        int n = fields.length;
        if (cells.length != n || traces.length != n || weights.length != n || shotStart[shotStart.length - 1] != n) {
            throw new IllegalArgumentException("point arrays disagree in length");
        }
    }

    public int shots() {
        return shotStart.length - 1;
    }
}
