# Regenerates the .npy fixtures the tests read: files written by numpy itself.
# Run from this directory: python3 make_fixtures.py
import numpy as np

np.save('f32_2x3.npy', np.array([[1.5, -2.25, 3.0], [4.0, 5.125, -6.5]], dtype='<f4'))
np.save('f32_scalar.npy', np.array(7.25, dtype='<f4'))
np.save('f64_2x3x4.npy', np.arange(24, dtype='<f8').reshape(2, 3, 4) * 0.5 - 3.0)
np.save('i64_locations.npy', np.array([[[0, 1], [2, 3], [-1, -1]], [[4, 5], [6, 7], [8, 9]]], dtype='<i8'))
np.save('i2.npy', np.array([-300, 7, 32767], dtype='<i2'))
np.save('u1.npy', np.array([0, 200, 255], dtype='u1'))
with open('v2_f64.npy', 'wb') as f:
    np.lib.format.write_array(f, np.array([1.0, 2.0, 3.0, 4.0], dtype='<f8'), version=(2, 0))
# refused
np.save('big_endian.npy', np.array([1.0, 2.0], dtype='>f4'))
np.save('fortran.npy', np.asfortranarray(np.arange(6, dtype='<f8').reshape(2, 3)))
np.save('complex.npy', np.array([1 + 2j, 3 - 4j], dtype='<c8'))
np.save('object.npy', np.array([1, 'a'], dtype=object), allow_pickle=True)
