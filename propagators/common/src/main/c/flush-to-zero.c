/*
 * The native half of org.seiche.wave.FlushToZero: the x86 SSE control register
 * (MXCSR) of the calling thread. Bit 15 (flush to zero) makes a subnormal result zero,
 * bit 6 (denormals are zero) reads a subnormal operand as zero; without them the CPU
 * computes with subnormal numbers 20 to 100 times slower. JNI passes an int as an int, so
 * no JNI header is needed.
 */
#include <xmmintrin.h>

#define FLUSH_TO_ZERO 0x8000u
#define DENORMALS_ARE_ZERO 0x0040u

int Java_org_seiche_wave_FlushToZero_enable0(void *env, void *type) {
    unsigned int mode = _mm_getcsr();
    _mm_setcsr(mode | FLUSH_TO_ZERO | DENORMALS_ARE_ZERO);
    return (int) mode;
}

void Java_org_seiche_wave_FlushToZero_restore0(void *env, void *type, int mode) {
    _mm_setcsr((unsigned int) mode);
}

int Java_org_seiche_wave_FlushToZero_swap0(void *env, void *type, int mode) {
    unsigned int previous = _mm_getcsr();
    _mm_setcsr((unsigned int) mode);
    return (int) previous;
}
