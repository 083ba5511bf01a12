// An emulated CUDA driver: a libcuda.so.1 that JCuda's native binding loads in place of
// NVIDIA's, so the bundle's whole Java path (probe, context, module, allocations, copies,
// kernel arguments, launches, host-mapped memory) runs here without a GPU. Device memory
// is host memory; the "module" ignores the PTX text except for checking it is PTX, and
// its kernels are a kernel module's .cu compiled for the CPU through host_shim.h: the module's
// src/test/cuda/emulated_kernels.h includes them and lists them as EMULATED_KERNELS. Only the
// driver calls the Java side makes are here: anything else ends the process with a symbol
// lookup error, which a test notices.
#include "host_shim.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <utility>

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef void (*Run)(dim3 grid, dim3 block, void **p);

static const CUresult OK = 0, INVALID_VALUE = 1, OUT_OF_MEMORY = 2, INVALID_IMAGE = 200, NOT_FOUND = 500;
// the memory the emulated card reports, free and total
static const size_t MEMORY = size_t(4) << 30;
// one launch or allocation at a time: the shim's thread coordinates are globals
static std::mutex driver;

// A kernel launched with cuLaunchKernel's array of argument addresses: argument n is read
// as the kernel's n-th parameter type, so the kernels' own signatures do the unpacking.
template <typename F, F f>
struct Entry;
template <typename... A, void (*f)(A...)>
struct Entry<void (*)(A...), f> {
    template <size_t... N>
    static void call(void **p, std::index_sequence<N...>) {
        f(*static_cast<A *>(p[N])...);
    }
    static void run(dim3 g, dim3 b, void **p) {
        launch(g, b, [&] { call(p, std::index_sequence_for<A...>{}); });
    }
};
#define KERNEL(name) {#name, Entry<decltype(&name), &name>::run}

// the module's kernels, by their C names
#include "emulated_kernels.h"
static const std::map<std::string, Run> kernels = {EMULATED_KERNELS};

static size_t allocated = 0;
static std::map<void *, size_t> sizes;

static CUresult take(void **out, size_t bytes) {
    std::lock_guard<std::mutex> hold(driver);
    if (allocated + bytes > MEMORY || (*out = std::calloc(1, bytes)) == nullptr) {
        return OUT_OF_MEMORY;
    }
    allocated += bytes;
    sizes[*out] = bytes;
    return OK;
}

static CUresult give(void *p) {
    std::lock_guard<std::mutex> hold(driver);
    allocated -= sizes[p];
    sizes.erase(p);
    std::free(p);
    return OK;
}

extern "C" {
CUresult cuInit(unsigned) { return OK; }
CUresult cuDeviceGetCount(int *count) { *count = 1; return OK; }
CUresult cuDeviceGet(CUdevice *d, int ordinal) { *d = ordinal; return ordinal == 0 ? OK : INVALID_VALUE; }
CUresult cuDeviceGetName(char *name, int length, CUdevice) {
    std::strncpy(name, "Seiche emulated GPU (host CPU)", length);
    return OK;
}
CUresult cuDeviceTotalMem_v2(size_t *bytes, CUdevice) { *bytes = MEMORY; return OK; }
CUresult cuDeviceGetAttribute(int *value, int attribute, CUdevice) {
    *value = attribute == 75 ? 7 : attribute == 76 ? 5 : 0; // compute capability 7.5
    return OK;
}
CUresult cuDevicePrimaryCtxRetain(void **context, CUdevice) { static int c; *context = &c; return OK; }
CUresult cuDevicePrimaryCtxRelease_v2(CUdevice) { return OK; }
CUresult cuCtxSetCurrent(void *) { return OK; }
CUresult cuModuleLoadData(void **module, const void *image) {
    static int m;
    *module = &m;
    return std::strstr((const char *) image, ".entry ") != nullptr ? OK : INVALID_IMAGE;
}
CUresult cuModuleGetFunction(Run *f, void *, const char *name) {
    auto k = kernels.find(name);
    if (k == kernels.end()) {
        return NOT_FOUND;
    }
    *f = k->second;
    return OK;
}
CUresult cuModuleUnload(void *) { return OK; }
CUresult cuMemGetInfo_v2(size_t *free, size_t *total) {
    std::lock_guard<std::mutex> hold(driver);
    *free = MEMORY - allocated;
    *total = MEMORY;
    return OK;
}
CUresult cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) { return take((void **) p, bytes); }
CUresult cuMemFree_v2(CUdeviceptr p) { return give((void *) p); }
CUresult cuMemHostAlloc(void **p, size_t bytes, unsigned) { return take(p, bytes); }
CUresult cuMemHostGetDevicePointer_v2(CUdeviceptr *d, void *p, unsigned) { *d = (CUdeviceptr) p; return OK; }
CUresult cuMemFreeHost(void *p) { return give(p); }
CUresult cuMemcpyHtoD_v2(CUdeviceptr d, const void *h, size_t n) { std::memcpy((void *) d, h, n); return OK; }
CUresult cuMemcpyDtoH_v2(void *h, CUdeviceptr d, size_t n) { std::memcpy(h, (const void *) d, n); return OK; }
CUresult cuMemsetD8_v2(CUdeviceptr d, unsigned char v, size_t n) { std::memset((void *) d, v, n); return OK; }
CUresult cuLaunchKernel(Run f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz, unsigned,
                        void *, void **params, void **) {
    std::lock_guard<std::mutex> hold(driver);
    f(dim3{gx, gy, gz}, dim3{bx, by, bz}, params);
    return OK;
}
CUresult cuGetErrorName(CUresult e, const char **s) {
    *s = e == OUT_OF_MEMORY ? "CUDA_ERROR_OUT_OF_MEMORY" : e == NOT_FOUND ? "CUDA_ERROR_NOT_FOUND"
       : e == INVALID_IMAGE ? "CUDA_ERROR_INVALID_IMAGE" : "CUDA_ERROR_INVALID_VALUE";
    return OK;
}
CUresult cuGetErrorString(CUresult e, const char **s) { return cuGetErrorName(e, s); }
}
