// The elastic propagator's kernels (docs/elastic.md): 2-D isotropic velocity-stress
// on a staggered grid with C-PML memory variables, forward and exact adjoint with the
// gradient sums, in the arithmetic and order of the CPU kernel's portable passes
// (org.seiche.elastic.cpu.f64: ForwardRows, AdjointRows, Memory, Derivatives), one thread
// per domain cell and shot (blockIdx.z = shot). Free surfaces and vacuum are in the
// coefficients (zero where a field is never updated), so every field is swept over the
// whole domain as on the CPU.
//
// Layout: ElasticGrid's, (ny + 2G) x (nx + 2G) row-major with G = accuracy / 2 cells of
// zeros around the domain; domain cell (i, j) is at (i + G) * stride + j + G. A shot's state
// is `arrays` such grids one after the other (STATE below), shot s at s * arrays * size.
// Stored terms (history) and gradient sums are per shot too: shot s at s * size (stored)
// and s * 5 * size (gradients, in Coefficient's order).
//
// Coefficients, per launch: coef = the y stencil c_1..c_G / h_y, then the x one;
// mat = lamb dt, (lamb + 2 mu) dt, mu_xy dt, buoyancy_y dt, buoyancy_x dt (5 grids);
// prof = a, b at the integer then the half points of y (4 x ny), then of x (4 x nx). The
// x memory variables are updated where the CPU updates them: on the strips j < left and
// j >= right (integer and half points each), the y ones on rows where a or b is non-zero.
#include "flush.cuh"

// The arrays of a shot's state, in this order: the fields in Field's order, the memory
// variables (named by their derivative: M_SYY_Y for d sigma_yy / dy), then for an adjoint
// the terms whose derivatives carry it between stresses and velocities.
enum {
    VY, VX, SYY, SXX, SXY,
    M_SYY_Y, M_SXY_X, M_SXX_X, M_SXY_Y, M_VY_Y, M_VX_X, M_VY_X, M_VX_Y,
    H_VY_Y, H_VY_X, H_VX_X, H_VX_Y, H_SYY, H_SXX, H_SXY_X, H_SXY_Y,
    FORWARD_ARRAYS = H_VY_Y, ADJOINT_ARRAYS = H_SXY_Y + 1
};
// Coefficient's order: the gradient sums and the coefficients of mat.
enum { LAMB, MU, MU_XY, BUOYANCY_Y, BUOYANCY_X };
enum { LAMB_DT, LAMB_TWO_MU_DT, MU_XY_DT, BUOYANCY_Y_DT, BUOYANCY_X_DT };

#define ELASTIC_GRID_ARGS(T)                                                          \
    int ny, int nx, int leftInt, int rightInt, int leftHalf, int rightHalf, int arrays, \
    const T *__restrict__ coef, const T *__restrict__ mat, const T *__restrict__ prof, T *__restrict__ state
#define ELASTIC_GRID_PASS ny, nx, leftInt, rightInt, leftHalf, rightHalf, arrays, coef, mat, prof, state

// One cell of one shot: where its values are, and the grid around it.
template <typename T, int G>
struct Cell {
    int i, j, stride;
    size_t size, at;
    T *s;
    const T *material, *cy, *cx, *ayInt, *byInt, *ayHalf, *byHalf, *axInt, *bxInt, *axHalf, *bxHalf;
    bool yInt, yHalf, xInt, xHalf;

    // false outside the domain
    __device__ bool locate(ELASTIC_GRID_ARGS(T)) {
        j = blockIdx.x * blockDim.x + threadIdx.x;
        i = blockIdx.y * blockDim.y + threadIdx.y;
        if (i >= ny || j >= nx) {
            return false;
        }
        stride = nx + 2 * G;
        size = (size_t) (ny + 2 * G) * stride;
        at = (size_t) (i + G) * stride + j + G;
        s = state + (size_t) blockIdx.z * arrays * size;
        material = mat;
        cy = coef;
        cx = coef + G;
        ayInt = prof;
        byInt = prof + ny;
        ayHalf = prof + 2 * ny;
        byHalf = prof + 3 * ny;
        axInt = prof + 4 * ny;
        bxInt = axInt + nx;
        axHalf = axInt + 2 * nx;
        bxHalf = axInt + 3 * nx;
        yInt = ayInt[i] != 0 || byInt[i] != 0;
        yHalf = ayHalf[i] != 0 || byHalf[i] != 0;
        xInt = j < leftInt || j >= rightInt;
        xHalf = j < leftHalf || j >= rightHalf;
        return true;
    }

    __device__ T *field(int a) const {
        return s + a * size;
    }

    // One of mat's coefficients at this cell.
    __device__ T coefficient(int c) const {
        return material[c * size + at];
    }

    // Derivative at the half point after cell k along step (1: x, stride: y) of an
    // integer-point field: sum_m c_m (f[k + m] - f[k + 1 - m]), m = 1..G. At an integer
    // point from a half-point field it is the one of the cell before (k - step).
    __device__ T half(int a, size_t k, int step, const T *c) const {
        const T *f = field(a);
        T d = c[0] * (f[k + step] - f[k]);
        for (int m = 1; m < G; m++) {
            d += c[m] * (f[k + (m + 1) * step] - f[k - m * step]);
        }
        return d;
    }

    __device__ T halfY(int a) const { return half(a, at, stride, cy); }
    __device__ T intY(int a) const { return half(a, at - stride, stride, cy); }
    __device__ T halfX(int a) const { return half(a, at, 1, cx); }
    __device__ T intX(int a) const { return half(a, at - 1, 1, cx); }

    // Forward C-PML: m = a m + b D, then D + m.
    __device__ T damp(int a, T pa, T pb, T d) const {
        T *m = field(a) + at;
        T v = flush(pa * *m + pb * d);
        *m = v;
        return d + v;
    }

    // Adjoint C-PML on a term h: with M = m + h, m = a M and h + b M.
    __device__ T adjointDamp(int a, T pa, T pb, T h) const {
        T *m = field(a) + at;
        T big = *m + h;
        *m = flush(pa * big);
        return h + pb * big;
    }

    // A stored term of this cell (stored: the slot's values of the group's first shot).
    __device__ T &stored(T *term) const {
        return term[blockIdx.z * size + at];
    }

    // f = flush(f + s d) on a gradient sum (grad: the group's sums, null when none is asked).
    __device__ void gather(T *grad, int c, T s, T d) const {
        T &g = grad[((size_t) blockIdx.z * 5 + c) * size + at];
        g = flush(g + s * d);
    }
};

// Velocity half-step: v_y += B_y dt (D_y sigma_yy + D_x sigma_xy), v_x += B_x dt (D_x sigma_xx
// + D_y sigma_xy), the brackets stored for the buoyancy gradients when given.
template <typename T, int G>
__device__ void velocity(ELASTIC_GRID_ARGS(T), T *divergenceY, T *divergenceX) {
    Cell<T, G> c;
    if (!c.locate(ELASTIC_GRID_PASS)) {
        return;
    }
    T da = c.halfY(SYY);
    if (c.yHalf) {
        da = c.damp(M_SYY_Y, c.ayHalf[c.i], c.byHalf[c.i], da);
    }
    T db = c.intX(SXY);
    if (c.xInt) {
        db = c.damp(M_SXY_X, c.axInt[c.j], c.bxInt[c.j], db);
    }
    da = da + db;
    T *vy = c.field(VY) + c.at;
    *vy = flush(*vy + c.coefficient(BUOYANCY_Y_DT) * da);
    if (divergenceY != 0) {
        c.stored(divergenceY) = da;
    }
    da = c.halfX(SXX);
    if (c.xHalf) {
        da = c.damp(M_SXX_X, c.axHalf[c.j], c.bxHalf[c.j], da);
    }
    db = c.intY(SXY);
    if (c.yInt) {
        db = c.damp(M_SXY_Y, c.ayInt[c.i], c.byInt[c.i], db);
    }
    da = da + db;
    T *vx = c.field(VX) + c.at;
    *vx = flush(*vx + c.coefficient(BUOYANCY_X_DT) * da);
    if (divergenceX != 0) {
        c.stored(divergenceX) = da;
    }
}

// Stress half-step: sigma_yy += (lamb + 2 mu) dt D_y v_y + lamb dt D_x v_x, sigma_xx alike,
// sigma_xy += mu_xy dt (D_x v_y + D_y v_x); the strain rates stored when given.
template <typename T, int G>
__device__ void stress(ELASTIC_GRID_ARGS(T), T *strainYy, T *strainXx, T *shear) {
    Cell<T, G> c;
    if (!c.locate(ELASTIC_GRID_PASS)) {
        return;
    }
    T da = c.intY(VY);
    if (c.yInt) {
        da = c.damp(M_VY_Y, c.ayInt[c.i], c.byInt[c.i], da);
    }
    T db = c.intX(VX);
    if (c.xInt) {
        db = c.damp(M_VX_X, c.axInt[c.j], c.bxInt[c.j], db);
    }
    T l2m = c.coefficient(LAMB_TWO_MU_DT);
    T l = c.coefficient(LAMB_DT);
    T *syy = c.field(SYY) + c.at;
    T *sxx = c.field(SXX) + c.at;
    *syy = flush(*syy + l2m * da + l * db);
    *sxx = flush(*sxx + l2m * db + l * da);
    if (strainYy != 0) {
        c.stored(strainYy) = da;
        c.stored(strainXx) = db;
    }
    da = c.halfX(VY);
    if (c.xHalf) {
        da = c.damp(M_VY_X, c.axHalf[c.j], c.bxHalf[c.j], da);
    }
    db = c.halfY(VX);
    if (c.yHalf) {
        db = c.damp(M_VX_Y, c.ayHalf[c.i], c.byHalf[c.i], db);
    }
    da = da + db;
    T *sxy = c.field(SXY) + c.at;
    *sxy = flush(*sxy + c.coefficient(MU_XY_DT) * da);
    if (shear != 0) {
        c.stored(shear) = da;
    }
}

// Transposed stress update, first part (AdjointRows.normalTerms, shearTerms): the lamb, mu
// and mu_xy gradients from the stored strain rates (null: not stored at this step) and the
// adjoint stresses, and the terms whose derivatives feed the adjoint velocities.
template <typename T, int G>
__device__ void stress_terms(ELASTIC_GRID_ARGS(T), T *grad, int asked, T *strainYy, T *strainXx, T *shear) {
    Cell<T, G> c;
    if (!c.locate(ELASTIC_GRID_PASS)) {
        return;
    }
    T syy = c.field(SYY)[c.at];
    T sxx = c.field(SXX)[c.at];
    T sxy = c.field(SXY)[c.at];
    if (strainYy != 0 && (asked & (1 << LAMB | 1 << MU))) {
        T eyy = c.stored(strainYy);
        T exx = c.stored(strainXx);
        if (asked & 1 << MU) {
            c.gather(grad, MU, 2 * eyy, syy);
            c.gather(grad, MU, 2 * exx, sxx);
        }
        if (asked & 1 << LAMB) {
            c.gather(grad, LAMB, eyy + exx, syy + sxx);
        }
    }
    T l2m = c.coefficient(LAMB_TWO_MU_DT);
    T l = c.coefficient(LAMB_DT);
    T hVyY = l2m * syy;
    hVyY += l * sxx;
    T hVxX = l2m * sxx;
    hVxX += l * syy;
    if (c.yInt) {
        hVyY = c.adjointDamp(M_VY_Y, c.ayInt[c.i], c.byInt[c.i], hVyY);
    }
    if (c.xInt) {
        hVxX = c.adjointDamp(M_VX_X, c.axInt[c.j], c.bxInt[c.j], hVxX);
    }
    c.field(H_VY_Y)[c.at] = hVyY;
    c.field(H_VX_X)[c.at] = hVxX;
    if (shear != 0 && (asked & 1 << MU_XY)) {
        c.gather(grad, MU_XY, c.stored(shear), sxy);
    }
    T hVyX = c.coefficient(MU_XY_DT) * sxy;
    T hVxY = hVyX;
    if (c.xHalf) {
        hVyX = c.adjointDamp(M_VY_X, c.axHalf[c.j], c.bxHalf[c.j], hVyX);
    }
    if (c.yHalf) {
        hVxY = c.adjointDamp(M_VX_Y, c.ayHalf[c.i], c.byHalf[c.i], hVxY);
    }
    c.field(H_VY_X)[c.at] = hVyX;
    c.field(H_VX_Y)[c.at] = hVxY;
}

// The adjoint velocities from the stress terms, the buoyancy gradients (stored divergence x
// adjoint velocity), and the terms whose derivatives feed the adjoint stresses
// (AdjointRows.velocityY, velocityX).
template <typename T, int G>
__device__ void velocity_terms(ELASTIC_GRID_ARGS(T), T *grad, int asked, T *divergenceY, T *divergenceX) {
    Cell<T, G> c;
    if (!c.locate(ELASTIC_GRID_PASS)) {
        return;
    }
    T da = c.halfY(H_VY_Y);
    T db = c.intX(H_VY_X);
    da = da + db;
    T *vy = c.field(VY) + c.at;
    *vy = flush(*vy - da);
    if (divergenceY != 0 && (asked & 1 << BUOYANCY_Y)) {
        c.gather(grad, BUOYANCY_Y, c.stored(divergenceY), *vy);
    }
    T hSyy = c.coefficient(BUOYANCY_Y_DT) * *vy;
    T hSxyX = hSyy;
    if (c.yHalf) {
        hSyy = c.adjointDamp(M_SYY_Y, c.ayHalf[c.i], c.byHalf[c.i], hSyy);
    }
    if (c.xInt) {
        hSxyX = c.adjointDamp(M_SXY_X, c.axInt[c.j], c.bxInt[c.j], hSxyX);
    }
    c.field(H_SYY)[c.at] = hSyy;
    c.field(H_SXY_X)[c.at] = hSxyX;
    da = c.halfX(H_VX_X);
    db = c.intY(H_VX_Y);
    da = da + db;
    T *vx = c.field(VX) + c.at;
    *vx = flush(*vx - da);
    if (divergenceX != 0 && (asked & 1 << BUOYANCY_X)) {
        c.gather(grad, BUOYANCY_X, c.stored(divergenceX), *vx);
    }
    T hSxx = c.coefficient(BUOYANCY_X_DT) * *vx;
    T hSxyY = hSxx;
    if (c.xHalf) {
        hSxx = c.adjointDamp(M_SXX_X, c.axHalf[c.j], c.bxHalf[c.j], hSxx);
    }
    if (c.yInt) {
        hSxyY = c.adjointDamp(M_SXY_Y, c.ayInt[c.i], c.byInt[c.i], hSxyY);
    }
    c.field(H_SXX)[c.at] = hSxx;
    c.field(H_SXY_Y)[c.at] = hSxyY;
}

// Transposed velocity update, second part: the adjoint stresses (AdjointRows.normalStresses,
// shearStress).
template <typename T, int G>
__device__ void adjoint_stresses(ELASTIC_GRID_ARGS(T)) {
    Cell<T, G> c;
    if (!c.locate(ELASTIC_GRID_PASS)) {
        return;
    }
    T *syy = c.field(SYY) + c.at;
    *syy = flush(*syy - c.intY(H_SYY));
    T *sxx = c.field(SXX) + c.at;
    *sxx = flush(*sxx - c.intX(H_SXX));
    T da = c.halfX(H_SXY_X);
    T db = c.halfY(H_SXY_Y);
    da = da + db;
    T *sxy = c.field(SXY) + c.at;
    *sxy = flush(*sxy - da);
}

// The points of a PointSet for the shots first .. first + shots - 1 of a batch, one thread
// per shot looping over its points in order (a trace of two points, pressure, adds up as on
// the CPU). fields: a bit per Field the launch touches (velocities or stresses).
#define ELASTIC_POINT_ARGS(T)                                                         \
    int shots, int first, int steps, int t, int fields, int size, int arrays, const int *__restrict__ shotStart, \
    const int *__restrict__ field, const int *__restrict__ cell, const int *__restrict__ trace, \
    const T *__restrict__ weight

// traces[trace, t] += weight * field at each point.
template <typename T>
__device__ void record_points(ELASTIC_POINT_ARGS(T), const T *state, T *traces) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int p = shotStart[first + s]; p < shotStart[first + s + 1]; p++) {
        if (fields & 1 << field[p]) {
            traces[(size_t) trace[p] * steps + t] += weight[p] * state[((size_t) s * arrays + field[p]) * size + cell[p]];
        }
    }
}

// field += weight * traces[trace, t] at each point.
template <typename T>
__device__ void inject_points(ELASTIC_POINT_ARGS(T), const T *traces, T *state) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= shots) {
        return;
    }
    for (int p = shotStart[first + s]; p < shotStart[first + s + 1]; p++) {
        if (fields & 1 << field[p]) {
            state[((size_t) s * arrays + field[p]) * size + cell[p]] += weight[p] * traces[(size_t) trace[p] * steps + t];
        }
    }
}

// Entry points with C names, per precision (f / d) and accuracy A (2, 4, 6, 8):
// elastic_velocity_f4 is the float velocity half-step of accuracy 4.
#define ELASTIC_STEP_KERNELS(T, P, A)                                                 \
    extern "C" __global__ void elastic_velocity_##P##A(ELASTIC_GRID_ARGS(T), T *divergenceY, T *divergenceX) { \
        velocity<T, A / 2>(ELASTIC_GRID_PASS, divergenceY, divergenceX);              \
    }                                                                                 \
    extern "C" __global__ void elastic_stress_##P##A(ELASTIC_GRID_ARGS(T), T *strainYy, T *strainXx, T *shear) { \
        stress<T, A / 2>(ELASTIC_GRID_PASS, strainYy, strainXx, shear);               \
    }                                                                                 \
    extern "C" __global__ void elastic_stress_terms_##P##A(ELASTIC_GRID_ARGS(T), T *grad, int asked, T *strainYy, \
                                                           T *strainXx, T *shear) {   \
        stress_terms<T, A / 2>(ELASTIC_GRID_PASS, grad, asked, strainYy, strainXx, shear); \
    }                                                                                 \
    extern "C" __global__ void elastic_velocity_terms_##P##A(ELASTIC_GRID_ARGS(T), T *grad, int asked, \
                                                             T *divergenceY, T *divergenceX) { \
        velocity_terms<T, A / 2>(ELASTIC_GRID_PASS, grad, asked, divergenceY, divergenceX); \
    }                                                                                 \
    extern "C" __global__ void elastic_adjoint_stresses_##P##A(ELASTIC_GRID_ARGS(T)) { \
        adjoint_stresses<T, A / 2>(ELASTIC_GRID_PASS);                                \
    }

#define ELASTIC_KERNELS(T, P)                                                         \
    ELASTIC_STEP_KERNELS(T, P, 2)                                                     \
    ELASTIC_STEP_KERNELS(T, P, 4)                                                     \
    ELASTIC_STEP_KERNELS(T, P, 6)                                                     \
    ELASTIC_STEP_KERNELS(T, P, 8)                                                     \
    extern "C" __global__ void elastic_record_##P(ELASTIC_POINT_ARGS(T), const T *state, T *traces) { \
        record_points<T>(shots, first, steps, t, fields, size, arrays, shotStart, field, cell, trace, weight, state, \
                         traces);                                                     \
    }                                                                                 \
    extern "C" __global__ void elastic_inject_##P(ELASTIC_POINT_ARGS(T), const T *traces, T *state) { \
        inject_points<T>(shots, first, steps, t, fields, size, arrays, shotStart, field, cell, trace, weight, traces, \
                         state);                                                      \
    }

ELASTIC_KERNELS(float, f)
ELASTIC_KERNELS(double, d)
