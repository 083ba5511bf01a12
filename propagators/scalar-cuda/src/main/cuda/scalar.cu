// The scalar propagator's kernels (docs/scalar.md), the same arithmetic as the CPU
// kernels of org.seiche.scalar.cpu (DoubleStencil, DoubleBatch), for one batch of shots:
// the forward and adjoint steps, the imaging condition, recording and injection; and
// Born's steps (the background with its scattered field, forward and adjoint).
//
// Layout: a padded grid of rows x cols cells (2-D; a 1-D grid is one row) or planes x rows
// x cols cells (3-D, [z, y, x]), row-major; every wavefield holds all shots of the batch
// one after the other (shot s at offset s * cells). Traces are [shots, count, steps]. A
// step kernel runs one thread per domain cell and shot (blockIdx.z = shot; x along
// threads' x, the domain's lines of cells along x along threads' y); the transducer
// kernels one thread per shot, looping over its sources or receivers in order so that
// shared cells add up deterministically. The steps of every dimension are one template
// (Grid, Field: the flat arguments gathered); 3-D adds the z terms the CPU's
// DoubleStencil3d adds, in its order.
//
// Stencil coefficients, per dimension d (0 = rows, or planes in 3-D; the last = columns), in coef:
// coef[d * 2 * (G + 1) + k] = first difference c1_k / h_d (k = 1..G, slot 0 unused),
// coef[d * 2 * (G + 1) + G + 1 + k] = second difference c2_k / h_d^2 (k = 0..G).
// Profiles a, b, db of dimension d are indexed by the padded coordinate along d.
//
// No shared memory or barriers: the host-emulation test runs this file on the CPU by
// looping over blockIdx and threadIdx (src/test/cuda/host_shim.h).

// Grid geometry and coefficients, as every step kernel takes them first: 2-D (also a 1-D
// grid, as one row: see stencil_strides) and 3-D ([z, y, x]).
#define SEICHE_PROFILE_ARGS(T, D)                                                     \
    const T *__restrict__ a##D, const T *__restrict__ b##D, const T *__restrict__ db##D
#define SEICHE_GRID_ARGS(T)                                                           \
    int rows, int cols, int y0, int y1, int x0, int x1, int iy0, int iy1, int ix0, int ix1, \
    const T *__restrict__ v2dt2, const T *__restrict__ coef, SEICHE_PROFILE_ARGS(T, y), SEICHE_PROFILE_ARGS(T, x)
#define SEICHE_GRID3_ARGS(T)                                                          \
    int planes, int rows, int cols, int z0, int z1, int y0, int y1, int x0, int x1,   \
    int iz0, int iz1, int iy0, int iy1, int ix0, int ix1, const T *__restrict__ v2dt2, const T *__restrict__ coef, \
    SEICHE_PROFILE_ARGS(T, z), SEICHE_PROFILE_ARGS(T, y), SEICHE_PROFILE_ARGS(T, x)
// The same as a Grid.
#define SEICHE_GRID(T)                                                                \
    Grid<T, 2>{{rows, cols}, {y0, x0}, {y1, x1}, {iy0, ix0}, {iy1, ix1}, v2dt2, coef, {ay, ax}, {by, bx}, {dby, dbx}}
#define SEICHE_GRID3(T)                                                               \
    Grid<T, 3>{{planes, rows, cols}, {z0, y0, x0}, {z1, y1, x1}, {iz0, iy0, ix0}, {iz1, iy1, ix1}, v2dt2, coef, \
               {az, ay, ax}, {bz, by, bx}, {dbz, dby, dbx}}

// One wavefield's state: u, the previous u (overwritten with the next), and per dimension
// psi and zeta with their next buffers. N names a second field (Born's scattered one).
#define SEICHE_MEMORY_ARGS(T, D, N)                                                   \
    const T *__restrict__ p##D##N, T *__restrict__ p##D##Next##N, const T *__restrict__ z##D##N, T *__restrict__ z##D##Next##N
#define SEICHE_FIELD_ARGS(T, N)                                                       \
    const T *__restrict__ u##N, T *__restrict__ next##N, SEICHE_MEMORY_ARGS(T, y, N), SEICHE_MEMORY_ARGS(T, x, N)
#define SEICHE_FIELD3_ARGS(T, N)                                                      \
    const T *__restrict__ u##N, T *__restrict__ next##N, SEICHE_MEMORY_ARGS(T, z, N), SEICHE_MEMORY_ARGS(T, y, N), \
    SEICHE_MEMORY_ARGS(T, x, N)
#define SEICHE_FIELD(T, N)                                                            \
    Field<T, 2>{u##N, next##N, {py##N, px##N}, {pyNext##N, pxNext##N}, {zy##N, zx##N}, {zyNext##N, zxNext##N}}
#define SEICHE_FIELD3(T, N)                                                           \
    Field<T, 3>{u##N, next##N, {pz##N, py##N, px##N}, {pzNext##N, pyNext##N, pxNext##N}, {zz##N, zy##N, zx##N}, \
                {zzNext##N, zyNext##N, zxNext##N}}

#define SEICHE_STEP_ARGS(T) SEICHE_GRID_ARGS(T), SEICHE_FIELD_ARGS(T, ), T *__restrict__ spatial

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

// A padded grid of D dimensions (dimension D - 1 along the rows in memory): its shape, the
// domain [start, end) and the plain interior [inner0, inner1) per dimension, v^2 dt^2, the
// stencil coefficients and the profiles of each dimension.
template <typename T, int D>
struct Grid {
    int shape[D], start[D], end[D], inner0[D], inner1[D];
    const T *v2dt2, *coef;
    const T *a[D], *b[D], *db[D];
};

// A field's arrays: u, next (holding the previous u), and per dimension psi, zeta and their next buffers.
template <typename T, int D>
struct Field {
    const T *u;
    T *next;
    const T *p[D];
    T *pNext[D];
    const T *z[D];
    T *zNext[D];
};

// The cell c of shot blockIdx.z this thread updates, and its index i among all shots' cells:
// x along threads' x, the domain's lines (cells along x) along threads' y; false outside the domain.
template <typename T, int D>
__device__ bool domain_cell(const Grid<T, D> &g, int *c, size_t &shot, size_t &i) {
    c[D - 1] = g.start[D - 1] + blockIdx.x * blockDim.x + threadIdx.x;
    int line = blockIdx.y * blockDim.y + threadIdx.y;
    for (int d = D - 2; d > 0; d--) {
        int n = g.end[d] - g.start[d];
        c[d] = g.start[d] + line % n;
        line /= n;
    }
    c[0] = g.start[0] + line;
    size_t cells = 1;
    size_t at = 0;
    for (int d = 0; d < D; d++) {
        cells *= g.shape[d];
        at = at * g.shape[d] + c[d];
    }
    shot = (size_t) blockIdx.z * cells;
    i = shot + at;
    return c[D - 1] < g.end[D - 1] && c[0] < g.end[0];
}

// The stencil's stride per dimension: a dimension one cell wide has none (0), so that a 1-D
// grid, one row of a 2-D grid whose row terms have zero weights, reads only its own row (as
// the CPU's DoubleCoefficients step it).
template <typename T, int D>
__device__ void stencil_strides(const Grid<T, D> &g, int *stride) {
    int s = 1;
    for (int d = D - 1; d >= 0; d--) {
        stride[d] = g.shape[d] == 1 ? 0 : s;
        s *= g.shape[d];
    }
}

// The spatial term S of one field at cell c (index i): in the plain interior the Laplacian,
// summed in the CPU kernel's order (DoubleStencil.interior, DoubleStencil3d.interior);
// elsewhere one term per dimension, plain where no PML term reaches along it, else the
// forward or adjoint PML term (which also writes the next PML memories), each added to
// the sum of the dimensions before, as the CPU's row accumulator does.
template <typename T, int D, int G, bool ADJOINT>
__device__ T spatial_term(const Grid<T, D> &g, const int *c, size_t i, const Field<T, D> &f) {
    int stride[D];
    stencil_strides(g, stride);
    bool interior = true;
    for (int d = 0; d < D; d++) {
        interior = interior && c[d] >= g.inner0[d] && c[d] < g.inner1[d];
    }
    const T *u = f.u;
    if (interior) {
        T centre = g.coef[G + 1];
        for (int d = 1; d < D; d++) {
            centre += g.coef[d * 2 * (G + 1) + G + 1];
        }
        T s = centre * u[i];
        for (int k = 1; k <= G; k++) {
            T t = g.coef[G + 1 + k] * (u[i + k * stride[0]] + u[i - k * stride[0]]);
            for (int d = 1; d < D; d++) {
                t += g.coef[d * 2 * (G + 1) + G + 1 + k] * (u[i + k * stride[d]] + u[i - k * stride[d]]);
            }
            s += t;
        }
        return s;
    }
    T acc = 0;
    for (int d = 0; d < D; d++) {
        const T *c1 = g.coef + d * 2 * (G + 1);
        const T *c2 = c1 + G + 1;
        if (c[d] >= g.inner0[d] && c[d] < g.inner1[d]) {
            T t = second_difference<T, G>(u, i, stride[d], c2);
            acc = d == 0 ? t : acc + t;
        } else if (ADJOINT) {
            acc = adjoint_pml<T, G>(acc, u, f.p[d], f.pNext[d], f.z[d], f.zNext[d], i, stride[d], c[d], g.a[d], g.b[d],
                                    g.db[d], c1, c2);
        } else {
            acc = forward_pml<T, G>(acc, u, f.p[d], f.pNext[d], f.z[d], f.zNext[d], i, stride[d], c[d], g.a[d], g.b[d],
                                    g.db[d], c1, c2);
        }
    }
    return acc;
}

// One step at one cell of one shot, forward or adjoint: next = v^2 dt^2 S + 2 u - next.
// spatial, when given, gets S (the stored step of a gradient run).
template <typename T, int D, int G, bool ADJOINT>
__device__ void step(const Grid<T, D> &g, const Field<T, D> &f, T *spatial) {
    int c[D];
    size_t shot, i;
    if (!domain_cell(g, c, shot, i)) {
        return;
    }
    T s = spatial_term<T, D, G, ADJOINT>(g, c, i, f);
    update(f.next, f.u, g.v2dt2[i - shot], s, spatial, i);
}

// Born (docs/born.md; the CPU's DoubleBornBatch): the background step and, alongside, the
// scattered field u1 with the same operator, driven by r (u[t+1] - 2 u[t] + u[t-1]):
// next1 = v^2 dt^2 S1 + 2 u1 - next1, then next1 += coupling S with coupling = r v^2 dt^2
// (r = 2 scatter / v per padded cell). The source's share (r times the source term) is
// injected into next1 by scalar_inject with r. spatial and spatial1, when given, get S and S1.
template <typename T, int D, int G>
__device__ void born_step(const Grid<T, D> &g, const Field<T, D> &f, T *spatial, const Field<T, D> &f1, T *spatial1,
                          const T *coupling) {
    int c[D];
    size_t shot, i;
    if (!domain_cell(g, c, shot, i)) {
        return;
    }
    T s = spatial_term<T, D, G, false>(g, c, i, f);
    T s1 = spatial_term<T, D, G, false>(g, c, i, f1);
    T v = g.v2dt2[i - shot];
    update(f.next, f.u, v, s, spatial, i);
    update(f1.next, f1.u, v, s1, spatial1, i);
    f1.next[i] = flush(f1.next[i] + coupling[i - shot] * s);
}

// Born's adjoint step with the background adjoint (for the velocity gradient), on mu1 and
// mu0 = v^2 dt^2 lambda: both take the scalar adjoint step, and mu0 gets the transpose of
// u1's source, coupling A1 (A1 = mu1's adjoint spatial term). The scattered adjoint alone
// is scalar_adjoint; the imaging conditions are scalar_image.
template <typename T, int D, int G>
__device__ void born_adjoint_step(const Grid<T, D> &g, const Field<T, D> &f, const Field<T, D> &f1,
                                  const T *coupling) {
    int c[D];
    size_t shot, i;
    if (!domain_cell(g, c, shot, i)) {
        return;
    }
    T a1 = spatial_term<T, D, G, true>(g, c, i, f1);
    T a = spatial_term<T, D, G, true>(g, c, i, f);
    T v = g.v2dt2[i - shot];
    update(f1.next, f1.u, v, a1, (T *) 0, i);
    update(f.next, f.u, v, a, (T *) 0, i);
    f.next[i] = flush(f.next[i] + coupling[i - shot] * a1);
}

// Imaging condition of the adjoint run: gradient += weight * mu * S over the domain, per shot
// (g: the geometry only).
template <typename T, int D>
__device__ void image(const Grid<T, D> &g, T *gradient, const T *mu, const T *spatial, int weight) {
    int c[D];
    size_t shot, i;
    if (!domain_cell(g, c, shot, i)) {
        return;
    }
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
// scalar_forward_f4 is the 2-D (and 1-D) float step of accuracy 4, scalar3_forward_f4 the
// 3-D one. D is the dimension, S the names' infix ("" for 2-D, 3 for 3-D); the entries
// of a dimension take its flat arguments (SEICHE_GRID_ARGS or SEICHE_GRID3_ARGS, ...).
#define SEICHE_GRID_ARGS_2 SEICHE_GRID_ARGS
#define SEICHE_GRID_ARGS_3 SEICHE_GRID3_ARGS
#define SEICHE_FIELD_ARGS_2 SEICHE_FIELD_ARGS
#define SEICHE_FIELD_ARGS_3 SEICHE_FIELD3_ARGS
#define SEICHE_GRID_2 SEICHE_GRID
#define SEICHE_GRID_3 SEICHE_GRID3
#define SEICHE_FIELD_2 SEICHE_FIELD
#define SEICHE_FIELD_3 SEICHE_FIELD3

#define SEICHE_STEP_KERNELS(T, P, A, D, S)                                            \
    extern "C" __global__ void scalar##S##_forward_##P##A(SEICHE_GRID_ARGS_##D(T), SEICHE_FIELD_ARGS_##D(T, ), \
                                                          T *__restrict__ spatial) {  \
        step<T, D, A / 2, false>(SEICHE_GRID_##D(T), SEICHE_FIELD_##D(T, ), spatial); \
    }                                                                                 \
    extern "C" __global__ void scalar##S##_adjoint_##P##A(SEICHE_GRID_ARGS_##D(T), SEICHE_FIELD_ARGS_##D(T, ), \
                                                          T *__restrict__ spatial) {  \
        step<T, D, A / 2, true>(SEICHE_GRID_##D(T), SEICHE_FIELD_##D(T, ), spatial);  \
    }                                                                                 \
    extern "C" __global__ void born##S##_forward_##P##A(SEICHE_GRID_ARGS_##D(T), SEICHE_FIELD_ARGS_##D(T, ), \
                                                        T *__restrict__ spatial, SEICHE_FIELD_ARGS_##D(T, 1), \
                                                        T *__restrict__ spatial1, const T *__restrict__ coupling) { \
        born_step<T, D, A / 2>(SEICHE_GRID_##D(T), SEICHE_FIELD_##D(T, ), spatial, SEICHE_FIELD_##D(T, 1), spatial1, \
                               coupling);                                             \
    }                                                                                 \
    extern "C" __global__ void born##S##_adjoint_##P##A(SEICHE_GRID_ARGS_##D(T), SEICHE_FIELD_ARGS_##D(T, ), \
                                                        SEICHE_FIELD_ARGS_##D(T, 1), const T *__restrict__ coupling) { \
        born_adjoint_step<T, D, A / 2>(SEICHE_GRID_##D(T), SEICHE_FIELD_##D(T, ), SEICHE_FIELD_##D(T, 1), coupling); \
    }

#define SEICHE_DIMENSION_KERNELS(T, P, D, S)                                          \
    SEICHE_STEP_KERNELS(T, P, 2, D, S)                                                \
    SEICHE_STEP_KERNELS(T, P, 4, D, S)                                                \
    SEICHE_STEP_KERNELS(T, P, 6, D, S)                                                \
    SEICHE_STEP_KERNELS(T, P, 8, D, S)

#define SEICHE_KERNELS(T, P)                                                          \
    SEICHE_DIMENSION_KERNELS(T, P, 2, )                                               \
    SEICHE_DIMENSION_KERNELS(T, P, 3, 3)                                              \
    extern "C" __global__ void scalar_image_##P(int rows, int cols, int y0, int y1, int x0, int x1, \
                                                 T *gradient, const T *mu, const T *spatial, int weight) { \
        image<T, 2>(Grid<T, 2>{{rows, cols}, {y0, x0}, {y1, x1}, {}, {}, 0, 0, {}, {}, {}}, gradient, mu, spatial, weight); \
    }                                                                                 \
    extern "C" __global__ void scalar3_image_##P(int planes, int rows, int cols, int z0, int z1, int y0, int y1, \
                                                  int x0, int x1, T *gradient, const T *mu, const T *spatial, \
                                                  int weight) {                       \
        image<T, 3>(Grid<T, 3>{{planes, rows, cols}, {z0, y0, x0}, {z1, y1, x1}, {}, {}, 0, 0, {}, {}, {}}, \
                    gradient, mu, spatial, weight); \
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
