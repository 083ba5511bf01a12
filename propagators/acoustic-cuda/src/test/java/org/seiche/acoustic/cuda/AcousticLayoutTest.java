package org.seiche.acoustic.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.api.SeicheException;

/** What the kernels of acoustic.cu are given for a grid: dt and the stencils, the profiles and the launch's extent. */
class AcousticLayoutTest {
    @Test
    void aGridIsGivenAsTheKernelsReadIt() {
        int[] shape = {3, 4};
        AcousticGrid grid = grid(shape, 2);
        AcousticLayout layout = new AcousticLayout(grid);
        assertArrayEquals(new double[] {1e-3, 10, 11, 20, 21}, layout.coefficients);
        assertArrayEquals(new int[] {3, 4, 1}, layout.shape);
        assertEquals(4, layout.columns);
        assertEquals(3, layout.lines);
        assertEquals(1 + 3 * 2, layout.forwardArrays);
        assertEquals(1 + 5 * 2, layout.adjointArrays);
        // per dimension aInt, bInt, aHalf, bHalf: value 1000 d + 100 part + i
        assertEquals(4 * 3 + 4 * 4, layout.profiles.length);
        assertEquals(302, layout.profiles[3 * 3 + 2]);
        assertEquals(1000 + 103, layout.profiles[4 * 3 + 4 + 3]);
        assertEquals(grid.buoyancy()[1][5], layout.buoyancy[grid.size() + 5]);
    }

    @Test
    void moreLinesThanALaunchCoversAreRefused() {
        SeicheException e = assertThrows(SeicheException.class, () -> new AcousticLayout(grid(new int[] {AcousticLayout.MAX_LINES + 1,
            1}, 1)));
        assertEquals("model: the CUDA acoustic kernel steps at most 524280 lines of cells (the product of the domain's cells "
                + "along every dimension but the last), this grid has 524281; use device cpu", e.getMessage());
    }

    /** A grid whose values say where they come from. */
    private static AcousticGrid grid(int[] shape, int halo) {
        int ndim = shape.length;
        int size = 1;
        for (int n : shape) {
            size *= n + 2 * halo;
        }
        double[][] stencils = new double[ndim][halo];
        double[][] buoyancy = new double[ndim][size];
        AcousticGrid.Pml[] pml = new AcousticGrid.Pml[ndim];
        for (int d = 0; d < ndim; d++) {
            for (int m = 0; m < halo; m++) {
                stencils[d][m] = 10 * (d + 1) + m;
            }
            for (int i = 0; i < size; i++) {
                buoyancy[d][i] = d + i * 1e-3;
            }
            double[][] parts = new double[4][shape[d]];
            for (int part = 0; part < 4; part++) {
                for (int i = 0; i < shape[d]; i++) {
                    parts[part][i] = 1000 * d + 100 * part + i;
                }
            }
            pml[d] = new AcousticGrid.Pml(parts[0], parts[1], parts[2], parts[3]);
        }
        return new AcousticGrid(shape, halo, 1e-3, stencils, new double[size], buoyancy, pml);
    }
}
