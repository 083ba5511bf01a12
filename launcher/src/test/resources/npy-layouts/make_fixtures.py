# Regenerates the files InputsIT reads: one velocity model saved by numpy in several layouts,
# and observed data holding a NaN. Run from this directory: python3 make_fixtures.py
import numpy as np

# not symmetric, so that a transposed or reversed read changes the receiver data
i, j = np.mgrid[0:16, 0:24]
v = (1500 + 10 * i + 3 * j).astype('<f4')
np.save('v.npy', v)
np.save('v_big_endian.npy', v.astype('>f8'))
# numpy.save of a transposed C-order array writes a Fortran-order file
np.save('v_fortran.npy', np.ascontiguousarray(v.T).T)
np.save('v_int16.npy', v.astype('<i2'))

observed = np.zeros((1, 2, 50), dtype='<f4')
observed[0, 1, 17] = np.nan
np.save('observed_nan.npy', observed)

# refused, naming the dtype
np.save('v_object.npy', v.astype(object), allow_pickle=True)
