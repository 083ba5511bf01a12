package org.seiche.device.cuda;

/** The card found by the probe: its ordinal, name, memory and compute capability. */
record Gpu(int ordinal, String name, long memoryBytes, int major, int minor) {
    @Override
    public String toString() {
        return name + " (" + memoryBytes / (1 << 20) + " MiB, compute " + major + "." + minor + ")";
    }
}
