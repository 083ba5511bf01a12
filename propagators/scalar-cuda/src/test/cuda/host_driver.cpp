// Host emulation of the CUDA scalar kernels: runs src/main/cuda/scalar.cu on the CPU
// (through host_shim.h) with the launch sequence of CudaScalarBatch - forward with
// recording and stored steps, then the adjoint with the imaging condition - for all shots
// in one group; or Born's forward (the scattered field recorded). Reads a case written
// by HostEmulator, writes its results.
//
// usage: host_driver CASE OUT
// CASE (little-endian): int32 precision bytes (4 or 8), accuracy, store interval, shots,
//   sources per shot, receivers per shot, steps, born (0 or 1); int32 geometry[10]
//   (ScalarLayout); int32 source cells, receiver cells; float64 coefficients[2 * accuracy
//   + 4], profiles a, b, D b of rows then of columns, v^2 dt^2 [cells], source terms
//   [shots, sources, steps], adjoint samples [shots, receivers, steps], and for Born the
//   ratio r = 2 scatter / v [cells].
// OUT: float64 receiver samples, source term gradient, v^2 dt^2 gradient [cells] (Born:
//   the scattered field's samples, then zeros).
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
    void (*born)(SEICHE_STEP_ARGS(T), SEICHE_FIELD_ARGS(T, 1), T *, const T *);
    void (*image)(int, int, int, int, int, int, T *, const T *, const T *, int);
    void (*record)(int, int, int, int, int, const int *, const T *, T *);
    void (*inject)(int, int, int, int, int, const int *, const T *, const T *, T *);
    void (*sourceGradient)(int, int, int, int, int, const int *, const T *, const T *, T *);
};

#define SEICHE_HOST_KERNELS(T, P)                                                              \
    static Kernels<T> kernels_##P(int accuracy) {                                              \
        Kernels<T> k{};                                                                        \
        switch (accuracy) {                                                                    \
            case 2: k.forward = scalar_forward_##P##2; k.adjoint = scalar_adjoint_##P##2; k.born = born_forward_##P##2; break; \
            case 4: k.forward = scalar_forward_##P##4; k.adjoint = scalar_adjoint_##P##4; k.born = born_forward_##P##4; break; \
            case 6: k.forward = scalar_forward_##P##6; k.adjoint = scalar_adjoint_##P##6; k.born = born_forward_##P##6; break; \
            case 8: k.forward = scalar_forward_##P##8; k.adjoint = scalar_adjoint_##P##8; k.born = born_forward_##P##8; break; \
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

// A case as the GPU would hold it, in the kernels' precision.
template <typename T>
struct Case {
    int accuracy, interval, shots, ns, nr, steps, born;
    std::vector<int> g, sc, rc;
    size_t cells;
    std::vector<T> coef, ay, by, dby, ax, bx, dbx, v2dt2, terms, adjointSamples, ratio, coupling;

    explicit Case(const int *head)
        : accuracy(head[1]), interval(head[2]), shots(head[3]), ns(head[4]), nr(head[5]), steps(head[6]), born(head[7]),
          g(read<int>(10)), sc(read<int>((size_t) shots * ns)), rc(read<int>((size_t) shots * nr)),
          cells((size_t) g[0] * g[1]) {
        coef = narrow<T>(read<double>(2 * accuracy + 4));
        ay = narrow<T>(read<double>(g[0])), by = narrow<T>(read<double>(g[0])), dby = narrow<T>(read<double>(g[0]));
        ax = narrow<T>(read<double>(g[1])), bx = narrow<T>(read<double>(g[1])), dbx = narrow<T>(read<double>(g[1]));
        v2dt2 = narrow<T>(read<double>(cells));
        terms = narrow<T>(read<double>((size_t) shots * ns * steps));
        adjointSamples = narrow<T>(read<double>((size_t) shots * nr * steps));
        ratio = narrow<T>(read<double>(born ? cells : 0));
        for (size_t i = 0; i < ratio.size(); i++) { // CudaBornBatch's coupling r v^2 dt^2
            coupling.push_back(ratio[i] * v2dt2[i]);
        }
    }
};

// One field's arrays in ScalarFields' order: u, next, then psi, psi next, zeta, zeta next of rows and of columns.
template <typename T>
struct Fields {
    std::vector<std::vector<T>> f;
    Fields(int shots, size_t cells) : f(10, std::vector<T>(shots * cells)) {}
    T *operator[](int i) { return f[i].data(); }
    void advance() { for (int i = 0; i < 10; i += 2) std::swap(f[i], f[i + 1]); }
};

static const unsigned BX = 32, BY = 8, BS = 64; // Launch.BLOCK_X, BLOCK_Y, BLOCK_SHOTS

static unsigned blocks(int n, unsigned per) {
    return (n + per - 1) / per;
}

#define SEICHE_HOST_GRID c.g[0], c.g[1], c.g[2], c.g[3], c.g[4], c.g[5], c.g[6], c.g[7], c.g[8], c.g[9], \
    c.v2dt2.data(), c.coef.data(), c.ay.data(), c.by.data(), c.dby.data(), c.ax.data(), c.bx.data(), c.dbx.data()
#define SEICHE_HOST_FIELD(f) f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]

template <typename T>
static void run(Kernels<T> k, const int *head, FILE *out) {
    Case<T> c(head);
    int shots = c.shots, ns = c.ns, nr = c.nr, steps = c.steps, interval = c.interval;
    int rows = c.g[0], cols = c.g[1], y0 = c.g[2], y1 = c.g[3], x0 = c.g[4], x1 = c.g[5];
    size_t cells = c.cells;
    Fields<T> f(shots, cells), f1(c.born ? shots : 0, cells);
    int slots = interval > 0 ? (steps + interval - 1) / interval : 0;
    std::vector<T> stored((size_t) slots * shots * cells);
    std::vector<T> samples((size_t) shots * nr * steps), termGradient((size_t) shots * ns * steps);
    std::vector<T> gradient(interval > 0 ? shots * cells : 0);
    dim3 cellGrid{blocks(x1 - x0, BX), blocks(y1 - y0, BY), (unsigned) shots}, cellBlock{BX, BY, 1};
    dim3 shotGrid{blocks(shots, BS), 1, 1}, shotBlock{BS, 1, 1};
    auto slot = [&](int t) { return interval > 0 && t % interval == 0 ? t / interval : -1; };
    auto slotData = [&](int t) { return slot(t) >= 0 ? stored.data() + (size_t) slot(t) * shots * cells : nullptr; };

    for (int t = 0; t < steps; t++) {
        T *recorded = c.born ? f1[0] : f[0];
        launch(shotGrid, shotBlock, [&] { k.record(shots, nr, cells, steps, t, c.rc.data(), recorded, samples.data()); });
        if (c.born) {
            launch(cellGrid, cellBlock, [&] {
                k.born(SEICHE_HOST_GRID, SEICHE_HOST_FIELD(f), slotData(t), SEICHE_HOST_FIELD(f1), nullptr, c.coupling.data());
            });
            launch(shotGrid, shotBlock, [&] { k.inject(shots, ns, cells, steps, t, c.sc.data(), c.ratio.data(), c.terms.data(), f1[1]); });
            f1.advance();
        } else {
            launch(cellGrid, cellBlock, [&] { k.forward(SEICHE_HOST_GRID, SEICHE_HOST_FIELD(f), slotData(t)); });
        }
        launch(shotGrid, shotBlock, [&] { k.inject(shots, ns, cells, steps, t, c.sc.data(), nullptr, c.terms.data(), f[1]); });
        f.advance();
    }
    Fields<T> a(c.born ? 0 : shots, cells);
    for (int t = c.born ? -1 : steps - 1; t >= 0; t--) {
        launch(shotGrid, shotBlock, [&] {
            k.sourceGradient(shots, ns, cells, steps, t, c.sc.data(), c.v2dt2.data(), a[0], termGradient.data());
        });
        if (slot(t) >= 0) {
            const T *spatial = slotData(t);
            launch(cellGrid, cellBlock, [&] { k.image(rows, cols, y0, y1, x0, x1, gradient.data(), a[0], spatial, interval); });
        }
        launch(cellGrid, cellBlock, [&] { k.adjoint(SEICHE_HOST_GRID, SEICHE_HOST_FIELD(a), nullptr); });
        a.advance();
        launch(shotGrid, shotBlock, [&] {
            k.inject(shots, nr, cells, steps, t, c.rc.data(), c.v2dt2.data(), c.adjointSamples.data(), a[0]);
        });
    }
    std::vector<double> v2dt2Gradient(cells);
    for (size_t i = 0; i < gradient.size() && !c.born; i++) { // CudaScalarBatch.addQuotients
        if (gradient[i] != 0) v2dt2Gradient[i % cells] += (double) gradient[i] / c.v2dt2[i % cells];
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
    std::vector<int> head = read<int>(8);
    if (head[0] == 8) run(kernels_d(head[1]), head.data(), out);
    else run(kernels_f(head[1]), head.data(), out);
    return std::fclose(out) == 0 ? 0 : 2;
}
