package org.seiche.hdf5;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;

import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;

/** Arrays in HDF5 files: datasets of floating-point or integer numbers, C order. */
public final class Hdf5 {
    static {
        // jHDF logs through SLF4J, which finds no provider inside the framework and would say so on
        // stderr at the first file: name its no-op provider and keep its own notices quiet
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    private Hdf5() {
    }

    /** The dataset at path (e.g. /group/data) of file, as values converted to double. */
    public static NdArray read(Path file, String dataset) {
        if (!Files.isRegularFile(file)) {
            throw new SeicheException(file + ": no such HDF5 file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Node node;
            try {
                node = hdf.getByPath(dataset);
            } catch (RuntimeException e) {
                throw new SeicheException(file + ": no dataset " + dataset + " (" + oneLine(e) + ")");
            }
            if (!(node instanceof Dataset d)) {
                throw new SeicheException(file + ": " + dataset + " is a " + node.getType().toString().toLowerCase() + ", not a dataset");
            }
            int[] shape = d.getDimensions();
            if (d.isScalar()) {
                Object v = d.getData();
                if (!(v instanceof Number n)) {
                    throw refusal(file, dataset, d.getJavaType());
                }
                return new NdArray(shape, new double[] {n.doubleValue()});
            }
            return new NdArray(shape, values(file, dataset, d.getDataFlat(), d.getJavaType()));
        } catch (SeicheException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SeicheException(file + ": cannot read " + dataset + " as HDF5 (" + oneLine(e) + ")");
        }
    }

    private static double[] values(Path file, String dataset, Object flat, Class<?> type) {
        if (flat instanceof double[] d) {
            return d;
        }
        if (!flat.getClass().isArray() || !flat.getClass().getComponentType().isPrimitive()
                || flat instanceof boolean[] || flat instanceof char[]) {
            throw refusal(file, dataset, type);
        }
        int n = Array.getLength(flat);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(flat, i)).doubleValue();
        }
        return out;
    }

    private static SeicheException refusal(Path file, String dataset, Class<?> type) {
        return new SeicheException(file + ": " + dataset + " holds " + type.getSimpleName()
                + " values; Seiche reads floating-point and integer datasets");
    }

    /**
     * Writes every array as a dataset at the root (float32 or float64 by precision) and the
     * attributes as strings of the root group, in one file.
     */
    public static void write(Path file, Map<String, NdArray> arrays, Precision precision, Map<String, String> attributes) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup root = hdf;
            for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                root.putDataset(e.getKey(), nested(e.getValue(), precision));
            }
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                root.putAttribute(a.getKey(), a.getValue());
            }
        } catch (RuntimeException e) {
            throw new SeicheException(file + ": cannot write HDF5 (" + oneLine(e) + ")");
        }
    }

    /** The Java array jHDF writes: nested to the array's rank, float or double. */
    private static Object nested(NdArray a, Precision precision) {
        boolean single = precision == Precision.FLOAT32;
        double[] d = a.data();
        if (a.ndim() == 0) {
            return single ? (Object) (float) d[0] : (Object) d[0];
        }
        Object out = Array.newInstance(single ? float.class : double.class, a.shape());
        int last = a.dim(a.ndim() - 1);
        int rows = last == 0 ? 0 : d.length / last;
        int[] index = new int[a.ndim() - 1];
        for (int r = 0; r < rows; r++) {
            Object row = out;
            for (int k = 0; k < index.length; k++) {
                row = Array.get(row, index[k]);
            }
            for (int i = 0; i < last; i++) {
                if (single) {
                    ((float[]) row)[i] = (float) d[r * last + i];
                } else {
                    ((double[]) row)[i] = d[r * last + i];
                }
            }
            for (int k = index.length - 1; k >= 0 && ++index[k] == a.dim(k); k--) {
                index[k] = 0;
            }
        }
        return out;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
