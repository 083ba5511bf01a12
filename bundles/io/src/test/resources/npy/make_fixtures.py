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
# other layouts numpy writes: big-endian, Fortran order (a transposed array), both
np.save('big_endian.npy', np.array([1.0, 2.0], dtype='>f4'))
np.save('big_endian_f8.npy', np.array([[1.0, -2.5], [1e300, 5e-324]], dtype='>f8'))
np.save('big_endian_i4.npy', np.array([-1, 2, 70000], dtype='>i4'))
np.save('fortran.npy', np.asfortranarray(np.arange(6, dtype='<f8').reshape(2, 3)))
# numpy.save of a transposed C array: Fortran order, shape (4, 3, 2), value = 100 i + 10 j + k
np.save('fortran_transposed_be_f4.npy',
        np.fromfunction(lambda k, j, i: 100 * i + 10 * j + k, (2, 3, 4)).astype('>f4').T)
# other element types, converted to doubles
np.save('f16.npy', np.array([1.0, -2.5, 65504.0, 2.0 ** -24, -0.0, np.inf, -np.inf, np.nan, 0.1], dtype='<f2'))
np.save('u2.npy', np.array([0, 65535], dtype='<u2'))
np.save('u4.npy', np.array([0, 4294967295], dtype='<u4'))
np.save('u8.npy', np.array([0, 2 ** 63, 2 ** 64 - 2 ** 11], dtype='<u8'))
np.save('i1.npy', np.array([-128, 0, 127], dtype='i1'))
np.save('i8_big.npy', np.array([-(2 ** 53), 2 ** 53], dtype='>i8'))
np.save('bool_mask.npy', np.array([[True, False, True], [False, False, True]]))
# refused
np.save('complex.npy', np.array([1 + 2j, 3 - 4j], dtype='<c8'))
np.save('object.npy', np.array([1, 'a'], dtype=object), allow_pickle=True)
np.save('structured.npy', np.zeros(2, dtype=[('a', '<f4'), ('b', '<i4')]))
np.save('strings.npy', np.array(['ab', 'c']))
np.save('datetime.npy', np.array(['2024-01-01'], dtype='datetime64[D]'))
