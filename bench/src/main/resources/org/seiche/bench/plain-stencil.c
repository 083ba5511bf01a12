/*
 * The yardstick of `fwi bench`: a hand-written plain 2-D stencil (accuracy 4, float32,
 * no PML) on the benchmark's padded grid, the kind of loop the issues' Deepwave figures were
 * measured next to. Its speed now, against its speed then, scales those figures to this
 * machine as it runs today. Usage: plain-stencil CELLS_PER_SIDE STEPS [RUNS=3] (threads:
 * OMP_NUM_THREADS). Prints Mcell-updates per second, the best of the runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 540;
    int steps = argc > 2 ? atoi(argv[2]) : 1000;
    int runs = argc > 3 ? atoi(argv[3]) : 3;
    size_t cells = (size_t) n * n;
    float *u = calloc(cells, sizeof(float));
    float *prev = calloc(cells, sizeof(float));
    float *v2dt2 = malloc(cells * sizeof(float));
    if (!u || !prev || !v2dt2) {
        return 1;
    }
    for (size_t i = 0; i < cells; i++) {
        v2dt2[i] = 0.1f;
        u[i] = (float) (i % 7) * 0.1f;
    }
    const float c0 = -5.0f, c1 = 4.0f / 3.0f, c2 = -1.0f / 12.0f;
    double best = 0;
    for (int run = 0; run < runs; run++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int t = 0; t < steps; t++) {
#pragma omp parallel for schedule(static)
            for (int y = 2; y < n - 2; y++) {
                for (int x = 2; x < n - 2; x++) {
                    size_t i = (size_t) y * n + x;
                    float lap = c0 * u[i] + c1 * (u[i - 1] + u[i + 1] + u[i - n] + u[i + n])
                            + c2 * (u[i - 2] + u[i + 2] + u[i - 2 * n] + u[i + 2 * n]);
                    prev[i] = v2dt2[i] * lap + 2 * u[i] - prev[i];
                }
            }
            float *swap = u;
            u = prev;
            prev = swap;
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double seconds = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
        double rate = (double) cells * steps / seconds / 1e6;
        best = rate > best ? rate : best;
    }
    printf("%.0f\n", best);
    free(u);
    free(prev);
    free(v2dt2);
    return 0;
}
