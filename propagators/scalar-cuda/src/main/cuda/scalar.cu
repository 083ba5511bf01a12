// The scalar propagator's kernels (docs/scalar.md), the same arithmetic as the CPU
// kernels of org.seiche.scalar.cpu (DoubleStencil, DoubleBatch), for one batch of shots:
// the forward and adjoint steps, the imaging condition, recording and injection; and
// Born's steps (the background with its scattered field, forward and adjoint).
//
// Layout: a padded 2-D grid of rows x cols cells, row-major; every wavefield holds all
// shots of the batch one after the other (shot s at offset s * cells). Traces are
// [shots, count, steps]. A step kernel runs one thread per domain cell and shot
// (blockIdx.z = shot); the transducer kernels one thread per shot, looping over its
// sources or receivers in order so that shared cells add up deterministically.
//
// Stencil coefficients, per dimension d (0 = rows, 1 = columns), in coef:
// coef[d * 2 * (G + 1) + k] = first difference c1_k / h_d (k = 1..G, slot 0 unused),
// coef[d * 2 * (G + 1) + G + 1 + k] = second difference c2_k / h_d^2 (k = 0..G).
// Profiles a, b, db of dimension d are indexed by the padded coordinate along d.
//
// No shared memory or barriers: the host-emulation test runs this file on the CPU by
// looping over blockIdx and threadIdx (src/test/cuda/host_shim.h).

// Grid geometry and coefficients, as every step kernel takes them first.
#define SEICHE_GRID_ARGS(T)                                                           \
    int rows, int cols, int y0, int y1, int x0, int x1, int iy0, int iy1, int ix0, int ix1, \
    const T *__restrict__ v2dt2, const T *__restrict__ coef,                          \
    const T *__restrict__ ay, const T *__restrict__ by, const T *__restrict__ dby,    \
    const T *__restrict__ ax, const T *__restrict__ bx, const T *__restrict__ dbx

// One wavefield's state: u, the previous u (overwritten with the next), psi and zeta of
// rows and of columns with their next buffers. N names a second field (Born's scattered one).
#define SEICHE_FIELD_ARGS(T, N)                                                       \
    const T *__restrict__ u##N, T *__restrict__ next##N,                              \
    const T *__restrict__ py##N, T *__restrict__ pyNext##N, const T *__restrict__ zy##N, T *__restrict__ zyNext##N, \
    const T *__restrict__ px##N, T *__restrict__ pxNext##N, const T *__restrict__ zx##N, T *__restrict__ zxNext##N

#define SEICHE_STEP_ARGS(T) SEICHE_GRID_ARGS(T), SEICHE_FIELD_ARGS(T, ), T *__restrict__ spatial

#define SEICHE_GRID_PASS rows, cols, y0, y1, x0, x1, iy0, iy1, ix0, ix1, v2dt2, coef, ay, by, dby, ax, bx, dbx
#define SEICHE_FIELD_PASS(N) u##N, next##N, py##N, pyNext##N, zy##N, zyNext##N, px##N, pxNext##N, zx##N, zxNext##N
// What spatial_term reads of the grid and of one field.
#define SEICHE_TERM_PASS(N) cols, iy0, iy1, ix0, ix1, coef, ay, by, dby, ax, bx, dbx, u##N, py##N, pyNext##N, \
    zy##N, zyNext##N, px##N, pxNext##N, zx##N, zxNext##N

#include "flush.cuh"

// The second difference of f along one dimension (stride s) at cell i.
template <typename T, int G>
__device__ T second_difference(const T *f, size_t i, int s, const T *c2) {
    T t = c2[0] * f[i];
    for (int k = 1; k <= G; k++) {
        t += c2[k] * (f[i + k * s] + f[i - k * s]);
    }
    return t;
}

// Forward PML term of one dimension: tmp = (1 + b) D2 u + (D b) D u + D(a p);
// p' = a p + b D u; z' = a z + b tmp; returns acc + tmp + z' (the terms of the dimensions
// before added first, as the CPU kernel's row accumulator does). j is the profile index.
template <typename T, int G>
__device__ T forward_pml(T acc, const T *u, const T *p, T *pNext, const T *z, T *zNext, size_t i, int s, int j,
                         const T *a, const T *b, const T *db, const T *c1, const T *c2) {
    T d2 = c2[0] * u[i];
    T d1 = 0;
    T dap = 0;
    for (int k = 1; k <= G; k++) {
        T plus = u[i + k * s];
        T minus = u[i - k * s];
        d2 += c2[k] * (plus + minus);
        d1 += c1[k] * (plus - minus);
        dap += c1[k] * (a[j + k] * p[i + k * s] - a[j - k] * p[i - k * s]);
    }
    T tmp = (1 + b[j]) * d2 + db[j] * d1 + dap;
    pNext[i] = flush(a[j] * p[i] + b[j] * d1);
    T zn = flush(a[j] * z[i] + b[j] * tmp);
    zNext[i] = zn;
    return acc + tmp + zn;
}

// Adjoint PML term of one dimension, on mu = v^2 dt^2 lambda with P, Z the adjoints of
// p, z and q = (1 + b) mu + b Z: returns acc + D2((1 + b) q) - D((D b) q + b P);
// P' = a (P - D q); Z' = a (mu + Z).
template <typename T, int G>
__device__ T adjoint_pml(T acc, const T *mu, const T *p, T *pNext, const T *z, T *zNext, size_t i, int s, int j,
                         const T *a, const T *b, const T *db, const T *c1, const T *c2) {
    T q = (1 + b[j]) * mu[i] + b[j] * z[i];
    T d2 = c2[0] * (1 + b[j]) * q;
    T d1q = 0;
    T d1h = 0;
    for (int k = 1; k <= G; k++) {
        size_t ip = i + k * s;
        size_t im = i - k * s;
        int jp = j + k;
        int jm = j - k;
        T qp = (1 + b[jp]) * mu[ip] + b[jp] * z[ip];
        T qm = (1 + b[jm]) * mu[im] + b[jm] * z[im];
        d2 += c2[k] * ((1 + b[jp]) * qp + (1 + b[jm]) * qm);
        d1q += c1[k] * (qp - qm);
        d1h += c1[k] * (db[jp] * qp + b[jp] * p[ip] - db[jm] * qm - b[jm] * p[im]);
    }
    pNext[i] = flush(a[j] * (p[i] - d1q));
    zNext[i] = flush(a[j] * (mu[i] + z[i]));
    return acc + d2 - d1h;
}

// next = v^2 dt^2 S + 2 u - previous (next holds the previous field); spatial, when given, gets S.
template <typename T>
__device__ void update(T *next, const T *u, T v2dt2, T s, T *spatial, size_t i) {
    next[i] = flush(v2dt2 * s + 2 * u[i] - next[i]);
    if (spatial != 0) {
        spatial[i] = s;
    }
}

// The cell (x, y) of shot blockIdx.z this thread updates; false outside the domain.
__device__ inline bool domain_cell(int rows, int cols, int y0, int y1, int x0, int x1, int &y, int &x,
                                   size_t &shot, size_t &i) {
    x = x0 + blockIdx.x * blockDim.x + threadIdx.x;
    y = y0 + blockIdx.y * blockDim.y + threadIdx.y;
    shot = (size_t) blockIdx.z * rows * cols;
    i = shot + (size_t) y * cols + x;
    return x < x1 && y < y1;
}

// The spatial term S of one field at cell i = (y, x) of its shot, one term per dimension,
// plain where no PML term reaches; the forward or adjoint PML terms elsewhere, which also
// write the next PML memories.
template <typename T, int G, bool ADJOINT>
__device__ T spatial_term(int y, int x, size_t i, int cols, int iy0, int iy1, int ix0, int ix1, const T *coef,
                          const T *ay, const T *by, const T *dby, const T *ax, const T *bx, const T *dbx,
                          const T *u, const T *py, T *pyNext, const T *zy, T *zyNext,
                          const T *px, T *pxNext, const T *zx, T *zxNext) {
    const T *cy1 = coef;
    const T *cy2 = coef + G + 1;
    const T *cx1 = coef + 2 * (G + 1);
    const T *cx2 = coef + 3 * (G + 1);
    bool plainY = y >= iy0 && y < iy1;
    bool plainX = x >= ix0 && x < ix1;
    if (plainY && plainX) {
        // the Laplacian, summed in the CPU kernel's order (DoubleStencil.interior)
        T s = (cy2[0] + cx2[0]) * u[i];
        for (int k = 1; k <= G; k++) {
            s += cy2[k] * (u[i + k * cols] + u[i - k * cols]) + cx2[k] * (u[i + k] + u[i - k]);
        }
        return s;
    }
    T sy;
    if (plainY) {
        sy = second_difference<T, G>(u, i, cols, cy2);
    } else if (ADJOINT) {
        sy = adjoint_pml<T, G>(0, u, py, pyNext, zy, zyNext, i, cols, y, ay, by, dby, cy1, cy2);
    } else {
        sy = forward_pml<T, G>(0, u, py, pyNext, zy, zyNext, i, cols, y, ay, by, dby, cy1, cy2);
    }
    if (plainX) {
        return sy + second_difference<T, G>(u, i, 1, cx2);
    } else if (ADJOINT) {
        return adjoint_pml<T, G>(sy, u, px, pxNext, zx, zxNext, i, 1, x, ax, bx, dbx, cx1, cx2);
    }
    return forward_pml<T, G>(sy, u, px, pxNext, zx, zxNext, i, 1, x, ax, bx, dbx, cx1, cx2);
}

// One step at one cell of one shot, forward or adjoint: next = v^2 dt^2 S + 2 u - next.
// spatial, when given, gets S (the stored step of a gradient run).
template <typename T, int G, bool ADJOINT>
__device__ void step(SEICHE_STEP_ARGS(T)) {
    int y, x;
    size_t shot, i;
    if (!domain_cell(rows, cols, y0, y1, x0, x1, y, x, shot, i)) {
        return;
    }
    T s = spatial_term<T, G, ADJOINT>(y, x, i, SEICHE_TERM_PASS());
    update(next, u, v2dt2[i - shot], s, spatial, i);
}

// Born (docs/born.md; the CPU's DoubleBornBatch): the background step and, alongside, the
// scattered field u1 with the same operator, driven by r (u[t+1] - 2 u[t] + u[t-1]):
// next1 = v^2 dt^2 S1 + 2 u1 - next1, then next1 += coupling S with coupling = r v^2 dt^2
// (r = 2 scatter / v per padded cell). The source's share (r times the source term) is
// injected into next1 by scalar_inject with r. spatial and spatial1, when given, get S and S1.
template <typename T, int G>
__device__ void born_step(SEICHE_STEP_ARGS(T), SEICHE_FIELD_ARGS(T, 1), T *__restrict__ spatial1,
                          const T *__restrict__ coupling) {
    int y, x;
    size_t shot, i;
    if (!domain_cell(rows, cols, y0, y1, x0, x1, y, x, shot, i)) {
        return;
    }
    T s = spatial_term<T, G, false>(y, x, i, SEICHE_TERM_PASS());
    T s1 = spatial_term<T, G, false>(y, x, i, SEICHE_TERM_PASS(1));
    T c = v2dt2[i - shot];
    update(next, u, c, s, spatial, i);
    update(next1, u1, c, s1, spatial1, i);
    next1[i] = flush(next1[i] + coupling[i - shot] * s);
}

// Born's adjoint step with the background adjoint (for the velocity gradient), on mu1 and
// mu0 = v^2 dt^2 lambda: both take the scalar adjoint step, and mu0 gets the transpose of
// u1's source, coupling A1 (A1 = mu1's adjoint spatial term). The scattered adjoint alone
// is scalar_adjoint; the imaging conditions are scalar_image.
template <typename T, int G>
__device__ void born_adjoint_step(SEICHE_GRID_ARGS(T), SEICHE_FIELD_ARGS(T, ), SEICHE_FIELD_ARGS(T, 1),
                                  const T *__restrict__ coupling) {
    int y, x;
    size_t shot, i;
    if (!domain_cell(rows, cols, y0, y1, x0, x1, y, x, shot, i)) {
        return;
    }
    T a1 = spatial_term<T, G, true>(y, x, i, SEICHE_TERM_PASS(1));
    T a = spatial_term<T, G, true>(y, x, i, SEICHE_TERM_PASS());
    T c = v2dt2[i - shot];
    update(next1, u1, c, a1, (T *) 0, i);
    update(next, u, c, a, (T *) 0, i);
    next[i] = flush(next[i] + coupling[i - shot] * a1);
}

// Imaging condition of the adjoint run: gradient += weight * mu * S over the domain, per shot.
template <typename T>
__device__ void image(int rows, int cols, int y0, int y1, int x0, int x1, T *gradient, const T *mu,
                      const T *spatial, int weight) {
    int x = x0 + blockIdx.x * blockDim.x + threadIdx.x;
    int y = y0 + blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= x1 || y >= y1) {
        return;
    }
    size_t i = (size_t) blockIdx.z * rows * cols + (size_t) y * cols + x;
    gradient[i] = flush(gradient[i] + weight * mu[i] * spatial[i]);
}

// out[s, r, t] = field at receiver r of shot s (cells[s * count + r], -1 = unused).
template <typename T>
__device__ void record(int shots, int count, int cells, int steps, int t, const int *cell, const T *u, T *out) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int r = 0; r < count; r++) {
        int c = cell[s * count + r];
        if (c >= 0) {
            out[((size_t) s * count + r) * steps + t] = u[(size_t) s * cells + c];
        }
    }
}

// field at source r of shot s += scale(cell) * in[s, r, t]; scale = v^2 dt^2 when given, else 1.
template <typename T>
__device__ void inject(int shots, int count, int cells, int steps, int t, const int *cell, const T *scale,
                       const T *in, T *field) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int r = 0; r < count; r++) {
        int c = cell[s * count + r];
        if (c >= 0) {
            T value = in[((size_t) s * count + r) * steps + t];
            field[(size_t) s * cells + c] += scale != 0 ? scale[c] * value : value;
        }
    }
}

// out[s, r, t] = mu / (v^2 dt^2) at source r of shot s: d loss / d source term of step t.
template <typename T>
__device__ void source_gradient(int shots, int count, int cells, int steps, int t, const int *cell,
                                const T *v2dt2, const T *mu, T *out) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int r = 0; r < count; r++) {
        int c = cell[s * count + r];
        if (c >= 0) {
            out[((size_t) s * count + r) * steps + t] = mu[(size_t) s * cells + c] / v2dt2[c];
        }
    }
}

// gradient[s, cell] += mu / (v^2 dt^2) * term at source r of shot s: d loss / d r of Born's
// source share r f[t], in the order of the sources (shared cells add up as on the CPU).
template <typename T>
__device__ void source_ratio(int shots, int count, int cells, int steps, int t, const int *cell, const T *v2dt2,
                             const T *mu, const T *terms, T *gradient) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int r = 0; r < count; r++) {
        int c = cell[s * count + r];
        if (c >= 0) {
            size_t k = (size_t) s * cells + c;
            gradient[k] += mu[k] / v2dt2[c] * terms[((size_t) s * count + r) * steps + t];
        }
    }
}

// Entry points with C names, one per precision (suffix f / d) and accuracy A (2, 4, 6, 8):
// scalar_forward_f4 is the float step of accuracy 4.
#define SEICHE_STEP_KERNELS(T, P, A)                                                  \
    extern "C" __global__ void scalar_forward_##P##A(SEICHE_STEP_ARGS(T)) {           \
        step<T, A / 2, false>(SEICHE_GRID_PASS, SEICHE_FIELD_PASS(), spatial);        \
    }                                                                                 \
    extern "C" __global__ void scalar_adjoint_##P##A(SEICHE_STEP_ARGS(T)) {           \
        step<T, A / 2, true>(SEICHE_GRID_PASS, SEICHE_FIELD_PASS(), spatial);         \
    }                                                                                 \
    extern "C" __global__ void born_forward_##P##A(SEICHE_STEP_ARGS(T), SEICHE_FIELD_ARGS(T, 1), \
                                                   T *__restrict__ spatial1, const T *__restrict__ coupling) { \
        born_step<T, A / 2>(SEICHE_GRID_PASS, SEICHE_FIELD_PASS(), spatial, SEICHE_FIELD_PASS(1), spatial1, coupling); \
    }                                                                                 \
    extern "C" __global__ void born_adjoint_##P##A(SEICHE_GRID_ARGS(T), SEICHE_FIELD_ARGS(T, ), \
                                                   SEICHE_FIELD_ARGS(T, 1), const T *__restrict__ coupling) { \
        born_adjoint_step<T, A / 2>(SEICHE_GRID_PASS, SEICHE_FIELD_PASS(), SEICHE_FIELD_PASS(1), coupling); \
    }

#define SEICHE_KERNELS(T, P)                                                          \
    SEICHE_STEP_KERNELS(T, P, 2)                                                      \
    SEICHE_STEP_KERNELS(T, P, 4)                                                      \
    SEICHE_STEP_KERNELS(T, P, 6)                                                      \
    SEICHE_STEP_KERNELS(T, P, 8)                                                      \
    extern "C" __global__ void scalar_image_##P(int rows, int cols, int y0, int y1, int x0, int x1, \
                                                 T *gradient, const T *mu, const T *spatial, int weight) { \
        image<T>(rows, cols, y0, y1, x0, x1, gradient, mu, spatial, weight);          \
    }                                                                                 \
    extern "C" __global__ void scalar_record_##P(int shots, int count, int cells, int steps, int t, \
                                                  const int *cell, const T *u, T *out) { \
        record<T>(shots, count, cells, steps, t, cell, u, out);                       \
    }                                                                                 \
    extern "C" __global__ void scalar_inject_##P(int shots, int count, int cells, int steps, int t, \
                                                  const int *cell, const T *scale, const T *in, T *field) { \
        inject<T>(shots, count, cells, steps, t, cell, scale, in, field);             \
    }                                                                                 \
    extern "C" __global__ void scalar_source_gradient_##P(int shots, int count, int cells, int steps, int t, \
                                                           const int *cell, const T *v2dt2, const T *mu, T *out) { \
        source_gradient<T>(shots, count, cells, steps, t, cell, v2dt2, mu, out);      \
    }                                                                                 \
    extern "C" __global__ void born_source_ratio_##P(int shots, int count, int cells, int steps, int t, \
                                                      const int *cell, const T *v2dt2, const T *mu, \
                                                      const T *terms, T *gradient) {   \
        source_ratio<T>(shots, count, cells, steps, t, cell, v2dt2, mu, terms, gradient); \
    }

SEICHE_KERNELS(float, f)
SEICHE_KERNELS(double, d)
