package org.seiche.elastic.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.seiche.api.NdArray;
import org.seiche.api.Snapshots;

/**
 * Hands the wavefields of a batch's shots to a {@link Snapshots} request: the kernels' time
 * loops offer each field (grid rows, halo and PML included) after a step, and when that step
 * is due, the shot heard and the field asked for, its model cells go to the listener. Fields
 * keep their staggered positions: value (i, j) of vx is the one the grid holds at model cell
 * (i, j), half a cell to its right. Loops hold a tap only when snapshots were asked for.
 */
public final class ElasticTap {
    /** The name of each field in a request. */
    public static final Map<Field, String> NAMES = names();

    private final Snapshots request;
    private final int[] shots;
    private final int rows;
    private final int columns;
    private final int firstRow;
    private final int firstColumn;

    /**
     * For the batch of the given shots (survey indices) on a model of rows x columns whose
     * cell (0, 0) is at row firstRow, column firstColumn of the grid's row arrays.
     */
    public ElasticTap(Snapshots request, int[] shots, int rows, int columns, int firstRow, int firstColumn) {
        this.request = request;
        this.shots = shots.clone();
        this.rows = rows;
        this.columns = columns;
        this.firstRow = firstRow;
        this.firstColumn = firstColumn;
    }

    private static Map<Field, String> names() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        m.put(Field.VY, "vy");
        m.put(Field.VX, "vx");
        m.put(Field.SIGMA_YY, "sigmayy");
        m.put(Field.SIGMA_XY, "sigmaxy");
        m.put(Field.SIGMA_XX, "sigmaxx");
        return Map.copyOf(m);
    }

    public static Set<String> fieldNames() {
        return Set.copyOf(NAMES.values());
    }

    /** Whether field f of batch shot s after inner step {@code step} may be wanted. */
    public boolean due(int s, int step, Field f, boolean adjoint) {
        return step > 0 && step % request.every() == 0 && (!adjoint || request.adjoint())
                && request.fields().contains(NAMES.get(f)) && request.hears(shots[s]);
    }

    /** Offers field f (grid rows) of batch shot s after inner step {@code step}. */
    public void offer(int s, int step, Field f, boolean adjoint, double[][] grid) {
        if (due(s, step, f, adjoint)) {
            double[] out = new double[rows * columns];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(grid[firstRow + i], firstColumn, out, i * columns, columns);
            }
            send(s, step, f, adjoint, out);
        }
    }

    /** As {@link #offer(int, int, Field, boolean, double[][])} for float32 rows. */
    public void offer(int s, int step, Field f, boolean adjoint, float[][] grid) {
        if (due(s, step, f, adjoint)) {
            double[] out = new double[rows * columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    out[i * columns + j] = grid[firstRow + i][firstColumn + j];
                }
            }
            send(s, step, f, adjoint, out);
        }
    }

    private void send(int s, int step, Field f, boolean adjoint, double[] values) {
        request.listener().wavefield(shots[s], step, NAMES.get(f), adjoint, new NdArray(new int[] {rows, columns}, values));
    }
}
