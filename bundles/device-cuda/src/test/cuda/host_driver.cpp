// Host emulation of the CUDA scalar kernels: runs src/main/cuda/scalar.cu on the CPU
// (through host_shim.h) with the launch sequence of CudaScalarBatch - forward with
// recording and stored steps, then the adjoint with the imaging condition - for all shots
// in one group. Reads a case written by ScalarHostEmulationTest, writes its results.
//
// usage: host_driver CASE OUT
// CASE (little-endian): int32 precision bytes (4 or 8), accuracy, store interval, shots,
//   sources per shot, receivers per shot, steps; int32 geometry[10] (ScalarLayout);
//   int32 source cells, receiver cells; float64 coefficients[2 * accuracy + 4],
//   profiles a, b, D b of rows then of columns, v^2 dt^2 [cells],
//   source terms [shots, sources, steps], adjoint samples [shots, receivers, steps].
// OUT: float64 receiver samples, source term gradient, v^2 dt^2 gradient [cells].
#include "host_shim.h"
#include "scalar.cu"

#include <cstdio>
#include <cstdlib>
#include <vector>

static FILE *in;

static void fail(const char *what) {
    std::fprintf(stderr, "host_driver: %s\n", what);
    std::exit(2);
}

template <typename V>
static std::vector<V> read(size_t n) {
    std::vector<V> v(n);
    if (n > 0 && std::fread(v.data(), sizeof(V), n, in) != n) {
        fail("case file too short");
    }
    return v;
}

template <typename T>
static std::vector<T> narrow(const std::vector<double> &d) {
    return std::vector<T>(d.begin(), d.end());
}

template <typename T>
struct Kernels {
    void (*forward)(SEICHE_STEP_ARGS(T));
    void (*adjoint)(SEICHE_STEP_ARGS(T));
    void (*image)(int, int, int, int, int, int, T *, const T *, const T *, int);
    void (*record)(int, int, int, int, int, const int *, const T *, T *);
    void (*inject)(int, int, int, int, int, const int *, const T *, const T *, T *);
    void (*sourceGradient)(int, int, int, int, int, const int *, const T *, const T *, T *);
};

#define SEICHE_HOST_KERNELS(T, P)                                                              \
    static Kernels<T> kernels_##P(int accuracy) {                                              \
        Kernels<T> k{};                                                                        \
        switch (accuracy) {                                                                    \
            case 2: k.forward = scalar_forward_##P##2; k.adjoint = scalar_adjoint_##P##2; break; \
            case 4: k.forward = scalar_forward_##P##4; k.adjoint = scalar_adjoint_##P##4; break; \
            case 6: k.forward = scalar_forward_##P##6; k.adjoint = scalar_adjoint_##P##6; break; \
            case 8: k.forward = scalar_forward_##P##8; k.adjoint = scalar_adjoint_##P##8; break; \
            default: fail("accuracy must be 2, 4, 6 or 8");                                     \
        }                                                                                      \
        k.image = scalar_image_##P;                                                            \
        k.record = scalar_record_##P;                                                          \
        k.inject = scalar_inject_##P;                                                          \
        k.sourceGradient = scalar_source_gradient_##P;                                         \
        return k;                                                                              \
    }
SEICHE_HOST_KERNELS(float, f)
SEICHE_HOST_KERNELS(double, d)

static const unsigned BX = 32, BY = 8, BS = 64; // Launch.BLOCK_X, BLOCK_Y, BLOCK_SHOTS

static unsigned blocks(int n, unsigned per) {
    return (n + per - 1) / per;
}

template <typename T>
static void run(Kernels<T> k, const int *head, FILE *out) {
    int accuracy = head[1], interval = head[2], shots = head[3], ns = head[4], nr = head[5], steps = head[6];
    std::vector<int> g = read<int>(10);
    int rows = g[0], cols = g[1], y0 = g[2], y1 = g[3], x0 = g[4], x1 = g[5];
    size_t cells = (size_t) rows * cols;
    std::vector<int> sc = read<int>((size_t) shots * ns), rc = read<int>((size_t) shots * nr);
    std::vector<T> coef = narrow<T>(read<double>(2 * accuracy + 4));
    std::vector<T> ay = narrow<T>(read<double>(rows)), by = narrow<T>(read<double>(rows)), dby = narrow<T>(read<double>(rows));
    std::vector<T> ax = narrow<T>(read<double>(cols)), bx = narrow<T>(read<double>(cols)), dbx = narrow<T>(read<double>(cols));
    std::vector<T> v2dt2 = narrow<T>(read<double>(cells));
    std::vector<T> terms = narrow<T>(read<double>((size_t) shots * ns * steps));
    std::vector<T> adjointSamples = narrow<T>(read<double>((size_t) shots * nr * steps));

    std::vector<std::vector<T>> f(10, std::vector<T>(shots * cells)); // ScalarFields' order
    int slots = interval > 0 ? (steps + interval - 1) / interval : 0;
    std::vector<T> stored((size_t) slots * shots * cells);
    std::vector<T> samples((size_t) shots * nr * steps), termGradient((size_t) shots * ns * steps);
    std::vector<T> gradient(interval > 0 ? shots * cells : 0);
    dim3 cellGrid{blocks(x1 - x0, BX), blocks(y1 - y0, BY), (unsigned) shots}, cellBlock{BX, BY, 1};
    dim3 shotGrid{blocks(shots, BS), 1, 1}, shotBlock{BS, 1, 1};
    auto advance = [&] { for (int i = 0; i < 10; i += 2) std::swap(f[i], f[i + 1]); };
    auto step = [&](decltype(k.forward) kernel, T *spatial) {
        launch(cellGrid, cellBlock, [&] {
            kernel(rows, cols, y0, y1, x0, x1, g[6], g[7], g[8], g[9], v2dt2.data(), coef.data(), ay.data(), by.data(),
                   dby.data(), ax.data(), bx.data(), dbx.data(), f[0].data(), f[1].data(), f[2].data(), f[3].data(),
                   f[4].data(), f[5].data(), f[6].data(), f[7].data(), f[8].data(), f[9].data(), spatial);
        });
    };
    auto slot = [&](int t) { return interval > 0 && t % interval == 0 ? t / interval : -1; };

    for (int t = 0; t < steps; t++) {
        launch(shotGrid, shotBlock, [&] { k.record(shots, nr, cells, steps, t, rc.data(), f[0].data(), samples.data()); });
        step(k.forward, slot(t) >= 0 ? stored.data() + (size_t) slot(t) * shots * cells : nullptr);
        launch(shotGrid, shotBlock, [&] { k.inject(shots, ns, cells, steps, t, sc.data(), nullptr, terms.data(), f[1].data()); });
        advance();
    }
    for (auto &x : f) std::fill(x.begin(), x.end(), T(0));
    for (int t = steps - 1; t >= 0; t--) {
        launch(shotGrid, shotBlock, [&] {
            k.sourceGradient(shots, ns, cells, steps, t, sc.data(), v2dt2.data(), f[0].data(), termGradient.data());
        });
        if (slot(t) >= 0) {
            const T *spatial = stored.data() + (size_t) slot(t) * shots * cells;
            launch(cellGrid, cellBlock, [&] { k.image(rows, cols, y0, y1, x0, x1, gradient.data(), f[0].data(), spatial, interval); });
        }
        step(k.adjoint, nullptr);
        advance();
        launch(shotGrid, shotBlock, [&] {
            k.inject(shots, nr, cells, steps, t, rc.data(), v2dt2.data(), adjointSamples.data(), f[0].data());
        });
    }
    std::vector<double> v2dt2Gradient(cells);
    for (size_t i = 0; i < gradient.size(); i++) { // CudaScalarBatch.addQuotients
        if (gradient[i] != 0) v2dt2Gradient[i % cells] += (double) gradient[i] / v2dt2[i % cells];
    }
    std::vector<double> o(samples.begin(), samples.end());
    o.insert(o.end(), termGradient.begin(), termGradient.end());
    o.insert(o.end(), v2dt2Gradient.begin(), v2dt2Gradient.end());
    std::fwrite(o.data(), sizeof(double), o.size(), out);
}

int main(int argc, char **argv) {
    if (argc != 3) fail("usage: host_driver CASE OUT");
    in = std::fopen(argv[1], "rb");
    FILE *out = std::fopen(argv[2], "wb");
    if (!in || !out) fail("cannot open the case or the output file");
    std::vector<int> head = read<int>(7);
    if (head[0] == 8) run(kernels_d(head[1]), head.data(), out);
    else run(kernels_f(head[1]), head.data(), out);
    return std::fclose(out) == 0 ? 0 : 2;
}
