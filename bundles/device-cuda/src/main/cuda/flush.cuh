// Values below this magnitude are stored as zero, as the CPU kernels store them
// (DoubleStencil.NEGLIGIBLE and the elastic kernels' Pointwise.NEGLIGIBLE, 2^24 times the
// smallest normal number: subnormal numbers are slow on the CPU, and the two must agree to
// the last bit).
#pragma once

template <typename T> __device__ T negligible();
template <> __device__ inline float negligible<float>() { return 0x1p-102f; }
template <> __device__ inline double negligible<double>() { return 0x1p-998; }

template <typename T>
__device__ inline T flush(T x) {
    return (x < 0 ? -x : x) < negligible<T>() ? (T) 0 : x;
}
