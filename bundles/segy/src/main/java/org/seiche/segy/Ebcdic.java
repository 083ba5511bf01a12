package org.seiche.segy;

/** Textual headers: EBCDIC (code page 037) and ASCII, and which of the two a header is in. */
final class Ebcdic {
    /** Code page 037 bytes of the printable ASCII characters 0x20 to 0x7e, in order. */
    private static final String PRINTABLE = "405a7f7b5b6c507d4d5d5c4e6b604b61f0f1f2f3f4f5f6f7f8f97a5e4c7e6e6f7c"
            + "c1c2c3c4c5c6c7c8c9d1d2d3d4d5d6d7d8d9e2e3e4e5e6e7e8e9bae0bbb06d798182838485868788899192939495969798"
            + "99a2a3a4a5a6a7a8a9c04fd0a1";
    private static final char[] TO_ASCII = new char[256];
    private static final byte[] FROM_ASCII = new byte[128];

    static {
        java.util.Arrays.fill(TO_ASCII, ' ');
        java.util.Arrays.fill(FROM_ASCII, (byte) 0x40);
        for (int c = 0x20; c < 0x7f; c++) {
            int e = Integer.parseInt(PRINTABLE.substring(2 * (c - 0x20), 2 * (c - 0x20) + 2), 16);
            TO_ASCII[e] = (char) c;
            FROM_ASCII[c] = (byte) e;
        }
    }

    private Ebcdic() {
    }

    /**
     * EBCDIC text is mostly spaces (0x40, an ASCII '@') and letters and digits at 0x81 and
     * above; ASCII text is mostly 0x20 to 0x7e other than '@'. Whichever explains more bytes wins.
     */
    static boolean isEbcdic(byte[] text) {
        int ebcdic = 0;
        int ascii = 0;
        for (byte b : text) {
            int u = b & 0xff;
            if (u == 0x40 || u >= 0x81) {
                ebcdic++;
            } else if (u >= 0x20 && u < 0x7f || u == '\n' || u == '\r' || u == 0) {
                ascii++;
            }
        }
        return ebcdic > ascii;
    }

    static String decode(byte[] text, boolean ebcdic) {
        char[] out = new char[text.length];
        for (int i = 0; i < text.length; i++) {
            int u = text[i] & 0xff;
            out[i] = ebcdic ? TO_ASCII[u] : u >= 0x20 && u < 0x7f ? (char) u : ' ';
        }
        return new String(out);
    }

    static byte[] encode(String ascii) {
        byte[] out = new byte[ascii.length()];
        for (int i = 0; i < out.length; i++) {
            char c = ascii.charAt(i);
            out[i] = c < 128 ? FROM_ASCII[c] : 0x40;
        }
        return out;
    }
}
