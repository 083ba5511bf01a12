// An emulated CUDA driver: a libcuda.so.1 that JCuda's native binding loads in place of
// NVIDIA's, so the bundle's whole Java path (probe, context, module, allocations, copies,
// kernel arguments, launches, host-mapped memory) runs here without a GPU. Device memory
// is host memory; the "module" ignores the PTX text except for checking it is PTX, and
// its kernels are scalar.cu compiled for the CPU through host_shim.h. Only the driver
// calls the bundle makes are here: anything else ends the process with a symbol lookup
// error, which a test notices.
#include "host_shim.h"
#include "scalar.cu"

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef void (*Run)(dim3 grid, dim3 block, void **p);

static const CUresult OK = 0, INVALID_VALUE = 1, OUT_OF_MEMORY = 2, INVALID_IMAGE = 200, NOT_FOUND = 500;
// the memory the emulated card reports, free and total
static const size_t MEMORY = size_t(4) << 30;

// Typed kernel arguments from cuLaunchKernel's array of argument addresses.
#define I(n) (*(int *) p[n])
#define P(n) (*(T **) p[n])
#define C(n) (*(int **) p[n])
#define STEP_UNPACK I(0), I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8), I(9), P(10), P(11), P(12), P(13), P(14), \
    P(15), P(16), P(17), P(18), P(19), P(20), P(21), P(22), P(23), P(24), P(25), P(26), P(27), P(28)

template <typename T, int A>
static void forwardRun(dim3 g, dim3 b, void **p) { launch(g, b, [&] { step<T, A / 2, false>(STEP_UNPACK); }); }
template <typename T, int A>
static void adjointRun(dim3 g, dim3 b, void **p) { launch(g, b, [&] { step<T, A / 2, true>(STEP_UNPACK); }); }
template <typename T, int A>
static void bornRun(dim3 g, dim3 b, void **p) {
    launch(g, b, [&] {
        born_step<T, A / 2>(STEP_UNPACK, P(29), P(30), P(31), P(32), P(33), P(34), P(35), P(36), P(37), P(38), P(39));
    });
}
template <typename T>
static void imageRun(dim3 g, dim3 b, void **p) {
    launch(g, b, [&] { image<T>(I(0), I(1), I(2), I(3), I(4), I(5), P(6), P(7), P(8), I(9)); });
}
template <typename T>
static void recordRun(dim3 g, dim3 b, void **p) {
    launch(g, b, [&] { record<T>(I(0), I(1), I(2), I(3), I(4), C(5), P(6), P(7)); });
}
template <typename T>
static void injectRun(dim3 g, dim3 b, void **p) {
    launch(g, b, [&] { inject<T>(I(0), I(1), I(2), I(3), I(4), C(5), P(6), P(7), P(8)); });
}
template <typename T>
static void sourceGradientRun(dim3 g, dim3 b, void **p) {
    launch(g, b, [&] { source_gradient<T>(I(0), I(1), I(2), I(3), I(4), C(5), P(6), P(7), P(8)); });
}

// The module's kernels by their C names, as in scalar.cu's SEICHE_KERNELS.
template <typename T>
static void addKernels(std::map<std::string, Run> &k, const std::string &p) {
    k["scalar_forward_" + p + "2"] = forwardRun<T, 2>;
    k["scalar_forward_" + p + "4"] = forwardRun<T, 4>;
    k["scalar_forward_" + p + "6"] = forwardRun<T, 6>;
    k["scalar_forward_" + p + "8"] = forwardRun<T, 8>;
    k["scalar_adjoint_" + p + "2"] = adjointRun<T, 2>;
    k["scalar_adjoint_" + p + "4"] = adjointRun<T, 4>;
    k["scalar_adjoint_" + p + "6"] = adjointRun<T, 6>;
    k["scalar_adjoint_" + p + "8"] = adjointRun<T, 8>;
    k["born_forward_" + p + "2"] = bornRun<T, 2>;
    k["born_forward_" + p + "4"] = bornRun<T, 4>;
    k["born_forward_" + p + "6"] = bornRun<T, 6>;
    k["born_forward_" + p + "8"] = bornRun<T, 8>;
    k["scalar_image_" + p] = imageRun<T>;
    k["scalar_record_" + p] = recordRun<T>;
    k["scalar_inject_" + p] = injectRun<T>;
    k["scalar_source_gradient_" + p] = sourceGradientRun<T>;
}

static std::map<std::string, Run> &kernels() {
    static std::map<std::string, Run> k;
    if (k.empty()) {
        addKernels<float>(k, "f");
        addKernels<double>(k, "d");
    }
    return k;
}

static size_t allocated = 0;
static std::map<void *, size_t> sizes;

static CUresult take(void **out, size_t bytes) {
    if (allocated + bytes > MEMORY || (*out = std::calloc(1, bytes)) == nullptr) {
        return OUT_OF_MEMORY;
    }
    allocated += bytes;
    sizes[*out] = bytes;
    return OK;
}

static CUresult give(void *p) {
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
    auto k = kernels().find(name);
    if (k == kernels().end()) {
        return NOT_FOUND;
    }
    *f = k->second;
    return OK;
}
CUresult cuModuleUnload(void *) { return OK; }
CUresult cuMemGetInfo_v2(size_t *free, size_t *total) { *free = MEMORY - allocated; *total = MEMORY; return OK; }
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
