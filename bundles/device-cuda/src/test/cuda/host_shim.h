// Lets the CUDA kernels of src/main/cuda compile as plain C++ for the host-emulation
// test: the kernel qualifiers vanish and the thread coordinates become globals that
// launch() steps through, one (block, thread) at a time. Enough for kernels without
// shared memory, barriers or atomics (which ours do not use).
#pragma once
#include <cstddef>

#define __global__
#define __device__

struct dim3 {
    unsigned x, y, z;
};

static dim3 blockIdx, threadIdx, blockDim, gridDim;

// Runs kernel() for every thread of every block of the launch, as a GPU would in some order.
template <typename Kernel>
static void launch(dim3 grid, dim3 block, Kernel kernel) {
    gridDim = grid;
    blockDim = block;
    for (blockIdx.z = 0; blockIdx.z < grid.z; blockIdx.z++)
        for (blockIdx.y = 0; blockIdx.y < grid.y; blockIdx.y++)
            for (blockIdx.x = 0; blockIdx.x < grid.x; blockIdx.x++)
                for (threadIdx.z = 0; threadIdx.z < block.z; threadIdx.z++)
                    for (threadIdx.y = 0; threadIdx.y < block.y; threadIdx.y++)
                        for (threadIdx.x = 0; threadIdx.x < block.x; threadIdx.x++)
                            kernel();
}
