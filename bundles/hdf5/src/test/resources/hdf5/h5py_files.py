"""HDF5 files for Hdf5Test written by h5py (Debian's python3-h5py), and a reader of Seiche's archives.

usage: h5py_files.py write FILE        datasets whose values Hdf5Test computes
       h5py_files.py dump FILE OUTDIR  every dataset of FILE as OUTDIR/NAME.f64 (float64 little-endian,
                                       C order) with NAME.shape and NAME.dtype, every root attribute as
                                       OUTDIR/NAME.attr
"""
import os
import sys

import h5py
import numpy as np


def values(shape):
    n = int(np.prod(shape))
    return (np.arange(n) * 0.5 - 3).reshape(shape)


def write(path):
    with h5py.File(path, 'w') as f:
        f['f32'] = values((2, 3, 4)).astype('<f4')
        f['f64_be'] = values((3, 5)).astype('>f8')
        f.create_group('survey')['locations'] = np.arange(2 * 3 * 2, dtype='<i4').reshape(2, 3, 2)
        f['survey']['i64'] = np.arange(6, dtype='<i8')
        f.create_dataset('chunked', data=values((40, 30)).astype('<f4'), chunks=(8, 8), compression='gzip')
        f['scalar'] = np.float64(2.5)
        f['text'] = np.array([b'abc', b'de'])


def dump(path, out):
    with h5py.File(path, 'r') as f:
        for name, d in f.items():
            np.asarray(d[()], dtype='<f8').tofile(os.path.join(out, name + '.f64'))
            with open(os.path.join(out, name + '.shape'), 'w') as s:
                s.write(','.join(str(n) for n in d.shape))
            with open(os.path.join(out, name + '.dtype'), 'w') as s:
                s.write(d.dtype.str)
        for name, a in f.attrs.items():
            with open(os.path.join(out, name + '.attr'), 'w') as s:
                s.write(a.decode() if isinstance(a, bytes) else str(a))


if __name__ == '__main__':
    if sys.argv[1] == 'write':
        write(sys.argv[2])
    else:
        dump(sys.argv[2], sys.argv[3])
