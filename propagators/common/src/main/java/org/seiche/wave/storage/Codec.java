package org.seiche.wave.storage;

import org.seiche.api.Storage.Compression;

/**
 * The sizes of a stored step's record under each compression (the encoding itself is
 * {@link DoubleCodec}'s): none keeps the values; bf16 their upper 16 bits (float32's
 * exponent, 8 bits of mantissa, rounded to nearest even); int8 one byte per value and one
 * scale (the block's largest magnitude, as a value) per {@link #BLOCK} consecutive values,
 * as Deepwave's simple_compress with its 8 x 8 blocks of a 2-D field, here along the flat
 * array so that it is the same in every dimension.
 */
public final class Codec {
    /** Values sharing one int8 scale. */
    public static final int BLOCK = 64;

    private Codec() {
    }

    /** Bytes of the record of n values of valueBytes each. */
    public static long recordBytes(Compression c, long n, int valueBytes) {
        return switch (c) {
            case NONE -> n * valueBytes;
            case BF16 -> 2 * n;
            case INT8 -> n + (n + BLOCK - 1) / BLOCK * valueBytes;
        };
    }
}
