// The variable-density acoustic propagator's kernels (propagators/acoustic/README.md):
// velocity-pressure on a staggered grid with C-PML, in 1, 2 and 3 dimensions, forward and
// exact adjoint with the gradient sums, in the arithmetic and order of the CPU kernel's
// portable loops (org.seiche.acoustic.cpu.f64.Steps), one thread per domain cell and shot
// (blockIdx.z = shot). The CPU kernel does not flush subnormals in its arithmetic (the
// processor's mode does it), so these kernels do not either.
//
// Layout: AcousticGrid's, row-major over (n_d + 2G) per dimension d (the last the fastest),
// G = accuracy / 2 cells of zeros around the domain. A thread's cell: its x the last
// dimension's coordinate, its y the line (the other coordinates, the first the slowest).
// A shot's state is `arrays` such grids (STATE below), shot s at s * arrays * size; stored
// terms are [shot][cell] from the slot's pointer; gradient sums [shot][1 + D][cell] (K,
// then each dimension's buoyancy).
//
// Per launch: coef = dt, then the staggered stencil c_1..c_G / h_d of each dimension;
// k = K; b = each dimension's buoyancy (D grids); prof = per dimension aInt, bInt, aHalf,
// bHalf (4 n_d values). A memory variable is updated where its profile (a or b) is non-zero
// at the cell's coordinate along its dimension, which is where the CPU's PML runs are.

// The arrays of a shot's state, dimension d's at X + d: the forward's p, v, phi (the
// pressure update's memory), psi (the velocity update's); an adjoint's also w (what the
// adjoint velocities differentiate) and u (what the adjoint pressure differentiates).
template <int D>
struct State {
    enum { P = 0, V = 1, PHI = 1 + D, PSI = 1 + 2 * D, W = 1 + 3 * D, U = 1 + 4 * D };
};

#define ACOUSTIC_GRID_ARGS(T)                                                         \
    int n0, int n1, int n2, int arrays, const T *__restrict__ coef, const T *__restrict__ kGrid, \
    const T *__restrict__ bGrid, const T *__restrict__ prof, T *__restrict__ state
#define ACOUSTIC_GRID_PASS n0, n1, n2, arrays, coef, kGrid, bGrid, prof, state

// One cell of one shot: where its values are, and the grid around it.
template <typename T, int G, int D>
struct Cell {
    int n[D];
    int i[D];
    long long stride[D];
    size_t size, at;
    T *s;
    T dt;
    const T *c[D];
    const T *aInt[D], *bInt[D], *aHalf[D], *bHalf[D];
    const T *k, *b;

    // false outside the domain
    __device__ bool locate(ACOUSTIC_GRID_ARGS(T)) {
        int shape[3] = {n0, n1, n2};
        int lines = 1;
        for (int d = 0; d < D; d++) {
            n[d] = shape[d];
            if (d < D - 1) {
                lines *= n[d];
            }
        }
        int x = blockIdx.x * blockDim.x + threadIdx.x;
        int line = blockIdx.y * blockDim.y + threadIdx.y;
        if (x >= n[D - 1] || line >= lines) {
            return false;
        }
        i[D - 1] = x;
        for (int d = D - 2; d >= 0; d--) {
            i[d] = line % n[d];
            line /= n[d];
        }
        size = 1;
        for (int d = D - 1; d >= 0; d--) {
            stride[d] = (long long) size;
            size *= (size_t) (n[d] + 2 * G);
        }
        at = 0;
        for (int d = 0; d < D; d++) {
            at += (size_t) ((i[d] + G) * stride[d]);
        }
        s = state + (size_t) blockIdx.z * arrays * size;
        dt = coef[0];
        const T *p = prof;
        for (int d = 0; d < D; d++) {
            c[d] = coef + 1 + d * G;
            aInt[d] = p;
            bInt[d] = p + n[d];
            aHalf[d] = p + 2 * n[d];
            bHalf[d] = p + 3 * n[d];
            p += 4 * n[d];
        }
        k = kGrid;
        b = bGrid;
        return true;
    }

    __device__ T *field(int a) const {
        return s + a * size;
    }

    // Whether the cell has velocity points along d (not on the domain's last cell there).
    __device__ bool halfPoint(int d) const {
        return i[d] < n[d] - 1;
    }

    __device__ bool pmlInt(int d) const {
        return aInt[d][i[d]] != 0 || bInt[d][i[d]] != 0;
    }

    __device__ bool pmlHalf(int d) const {
        return aHalf[d][i[d]] != 0 || bHalf[d][i[d]] != 0;
    }

    // sum + c_1 (f[ahead] - f[behind]) + c_2 (f[ahead + s] - f[behind - s]) + ..., term by
    // term as Steps.derivative sums it.
    __device__ T terms(T sum, const T *f, long long ahead, long long behind, long long step, const T *cd) const {
        for (int m = 0; m < G; m++) {
            sum = sum + cd[m] * (f[ahead + m * step] - f[behind - m * step]);
        }
        return sum;
    }

    // sum + G_d f at the half point after the cell (of integer-point values)
    __device__ T half(T sum, int a, int d) const {
        return terms(sum, field(a), (long long) at + stride[d], (long long) at, stride[d], c[d]);
    }

    // sum + D_d f at the cell (of half-point values)
    __device__ T integer(T sum, int a, int d) const {
        return terms(sum, field(a), (long long) at, (long long) at - stride[d], stride[d], c[d]);
    }

    __device__ T buoyancy(int d) const {
        return b[d * size + at];
    }

    // A per-shot grid (a stored term's slot, or a gradient sum) at this cell.
    __device__ T &of(T *grids, int which, int count) const {
        return grids[((size_t) blockIdx.z * count + which) * size + at];
    }
};

// Velocities: for each d at the half points, g = G_d p (+ psi_d, psi_d = aH psi_d + bH G_d p
// in the PML), stored when given, v_d -= dt B_d g (Steps.velocityRun).
template <typename T, int G, int D>
__device__ void velocity(ACOUSTIC_GRID_ARGS(T), T *g0, T *g1, T *g2) {
    typedef State<D> S;
    Cell<T, G, D> c;
    if (!c.locate(ACOUSTIC_GRID_PASS)) {
        return;
    }
    T *stores[3] = {g0, g1, g2};
    for (int d = 0; d < D; d++) {
        if (!c.halfPoint(d)) {
            continue;
        }
        T g = c.half((T) 0, S::P, d);
        if (c.pmlHalf(d)) {
            T *psi = c.field(S::PSI + d) + c.at;
            *psi = c.aHalf[d][c.i[d]] * *psi + c.bHalf[d][c.i[d]] * g;
            g += *psi;
        }
        if (stores[d] != 0) {
            c.of(stores[d], 0, 1) = g;
        }
        T *v = c.field(S::V + d) + c.at;
        *v -= c.dt * c.buoyancy(d) * g;
    }
}

// Pressure: div = sum_d (D_d v_d + phi_d), phi_d = aI phi_d + bI D_d v_d in the PML (the
// derivative then added with it, else term by term), stored when given; p -= dt K div
// (Steps.pressureRun).
template <typename T, int G, int D>
__device__ void pressure(ACOUSTIC_GRID_ARGS(T), T *divergence) {
    typedef State<D> S;
    Cell<T, G, D> c;
    if (!c.locate(ACOUSTIC_GRID_PASS)) {
        return;
    }
    T div = 0;
    for (int d = 0; d < D; d++) {
        if (c.pmlInt(d)) {
            T g = c.integer((T) 0, S::V + d, d);
            T *phi = c.field(S::PHI + d) + c.at;
            *phi = c.aInt[d][c.i[d]] * *phi + c.bInt[d][c.i[d]] * g;
            div += g + *phi;
        } else {
            div = c.integer(div, S::V + d, d);
        }
    }
    if (divergence != 0) {
        c.of(divergence, 0, 1) = div;
    }
    T *p = c.field(S::P) + c.at;
    *p -= c.dt * c.k[c.at] * div;
}

// Adjoint, first sweep: w_d = bI phi_d - dt (1 + bI) K p at the cells, -dt K p outside the
// PML (Steps.adjointTerms).
template <typename T, int G, int D>
__device__ void adjoint_terms(ACOUSTIC_GRID_ARGS(T)) {
    typedef State<D> S;
    Cell<T, G, D> c;
    if (!c.locate(ACOUSTIC_GRID_PASS)) {
        return;
    }
    T p = c.field(S::P)[c.at];
    T k = c.k[c.at];
    for (int d = 0; d < D; d++) {
        T *w = c.field(S::W + d) + c.at;
        if (c.pmlInt(d)) {
            T bq = c.bInt[d][c.i[d]];
            *w = bq * c.field(S::PHI + d)[c.at] - c.dt * (1 + bq) * k * p;
        } else {
            *w = -c.dt * k * p;
        }
    }
}

// Adjoint, second sweep, at the half points: v_d -= G_d w_d, B_d's sum += v_d g_d[t] (when
// stored), u_d = bH psi_d - (1 + bH) dt B_d v_d and psi_d = aH (psi_d - dt B_d v_d) in the
// PML, u_d = -dt B_d v_d outside (Steps.adjointVelocityRun).
template <typename T, int G, int D>
__device__ void adjoint_velocity(ACOUSTIC_GRID_ARGS(T), T *grad, T *g0, T *g1, T *g2) {
    typedef State<D> S;
    Cell<T, G, D> c;
    if (!c.locate(ACOUSTIC_GRID_PASS)) {
        return;
    }
    T *stored[3] = {g0, g1, g2};
    for (int d = 0; d < D; d++) {
        if (!c.halfPoint(d)) {
            continue;
        }
        T *v = c.field(S::V + d) + c.at;
        *v -= c.half((T) 0, S::W + d, d);
        if (stored[d] != 0) {
            T &sum = c.of(grad, 1 + d, 1 + D);
            sum += *v * c.of(stored[d], 0, 1);
        }
        T *u = c.field(S::U + d) + c.at;
        if (c.pmlHalf(d)) {
            T *psi = c.field(S::PSI + d) + c.at;
            T bh = c.bHalf[d][c.i[d]];
            T bv = c.dt * c.buoyancy(d) * *v;
            *u = bh * *psi - (1 + bh) * bv;
            *psi = c.aHalf[d][c.i[d]] * (*psi - bv);
        } else {
            *u = -c.dt * c.buoyancy(d) * *v;
        }
    }
}

// Adjoint, third sweep, at the cells: K's sum += p div[t] (when stored), phi_d =
// aI (phi_d - dt K p) in the PML with the old p, then p -= sum_d D_d u_d
// (Steps.adjointPressureRun).
template <typename T, int G, int D>
__device__ void adjoint_pressure(ACOUSTIC_GRID_ARGS(T), T *grad, T *divergence) {
    typedef State<D> S;
    Cell<T, G, D> c;
    if (!c.locate(ACOUSTIC_GRID_PASS)) {
        return;
    }
    T *p = c.field(S::P) + c.at;
    if (divergence != 0) {
        T &sum = c.of(grad, 0, 1 + D);
        sum += *p * c.of(divergence, 0, 1);
    }
    T total = 0;
    for (int d = 0; d < D; d++) {
        if (c.pmlInt(d)) {
            T *phi = c.field(S::PHI + d) + c.at;
            *phi = c.aInt[d][c.i[d]] * (*phi - c.dt * c.k[c.at] * *p);
        }
        total = c.integer(total, S::U + d, d);
    }
    *p -= total;
}

// The points of a PointSet for the shots first .. first + shots - 1 of a batch, one thread
// per shot looping over its points in order (points sharing a trace or a cell add up as on
// the CPU). fields: a bit per state array the launch touches (bit 0 pressure, bit 1 + d the
// velocity along d); a point's field is its state array.
#define ACOUSTIC_POINT_ARGS                                                           \
    int shots, int first, int steps, int t, int fields, int size, int arrays, const int *__restrict__ shotStart, \
    const int *__restrict__ field, const int *__restrict__ cell, const int *__restrict__ trace

// traces[trace, t] += field at each point.
template <typename T>
__device__ void record_points(ACOUSTIC_POINT_ARGS, const T *state, T *traces) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int p = shotStart[first + s]; p < shotStart[first + s + 1]; p++) {
        if (fields & 1 << field[p]) {
            traces[(size_t) trace[p] * steps + t] += state[((size_t) s * arrays + field[p]) * size + cell[p]];
        }
    }
}

// field += traces[trace, t] at each point.
template <typename T>
__device__ void inject_points(ACOUSTIC_POINT_ARGS, const T *traces, T *state) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int p = shotStart[first + s]; p < shotStart[first + s + 1]; p++) {
        if (fields & 1 << field[p]) {
            state[((size_t) s * arrays + field[p]) * size + cell[p]] += traces[(size_t) trace[p] * steps + t];
        }
    }
}

// Entry points with C names, per dimension D (1, 2, 3), precision (f / d) and accuracy A
// (2, 4, 6, 8): acoustic2_velocity_f4 is the 2-D float velocity sweep of accuracy 4.
#define ACOUSTIC_STEP_KERNELS(T, P, D, A)                                             \
    extern "C" __global__ void acoustic##D##_velocity_##P##A(ACOUSTIC_GRID_ARGS(T), T *g0, T *g1, T *g2) { \
        velocity<T, A / 2, D>(ACOUSTIC_GRID_PASS, g0, g1, g2);                        \
    }                                                                                 \
    extern "C" __global__ void acoustic##D##_pressure_##P##A(ACOUSTIC_GRID_ARGS(T), T *divergence) { \
        pressure<T, A / 2, D>(ACOUSTIC_GRID_PASS, divergence);                        \
    }                                                                                 \
    extern "C" __global__ void acoustic##D##_adjoint_terms_##P##A(ACOUSTIC_GRID_ARGS(T)) { \
        adjoint_terms<T, A / 2, D>(ACOUSTIC_GRID_PASS);                               \
    }                                                                                 \
    extern "C" __global__ void acoustic##D##_adjoint_velocity_##P##A(ACOUSTIC_GRID_ARGS(T), T *grad, T *g0, T *g1, \
                                                                     T *g2) {         \
        adjoint_velocity<T, A / 2, D>(ACOUSTIC_GRID_PASS, grad, g0, g1, g2);          \
    }                                                                                 \
    extern "C" __global__ void acoustic##D##_adjoint_pressure_##P##A(ACOUSTIC_GRID_ARGS(T), T *grad, T *divergence) { \
        adjoint_pressure<T, A / 2, D>(ACOUSTIC_GRID_PASS, grad, divergence);          \
    }

#define ACOUSTIC_ACCURACIES(T, P, D)                                                  \
    ACOUSTIC_STEP_KERNELS(T, P, D, 2)                                                 \
    ACOUSTIC_STEP_KERNELS(T, P, D, 4)                                                 \
    ACOUSTIC_STEP_KERNELS(T, P, D, 6)                                                 \
    ACOUSTIC_STEP_KERNELS(T, P, D, 8)

#define ACOUSTIC_KERNELS(T, P)                                                        \
    ACOUSTIC_ACCURACIES(T, P, 1)                                                      \
    ACOUSTIC_ACCURACIES(T, P, 2)                                                      \
    ACOUSTIC_ACCURACIES(T, P, 3)                                                      \
    extern "C" __global__ void acoustic_record_##P(ACOUSTIC_POINT_ARGS, const T *state, T *traces) { \
        record_points<T>(shots, first, steps, t, fields, size, arrays, shotStart, field, cell, trace, state, traces); \
    }                                                                                 \
    extern "C" __global__ void acoustic_inject_##P(ACOUSTIC_POINT_ARGS, const T *traces, T *state) { \
        inject_points<T>(shots, first, steps, t, fields, size, arrays, shotStart, field, cell, trace, traces, state); \
    }

ACOUSTIC_KERNELS(float, f)
ACOUSTIC_KERNELS(double, d)
