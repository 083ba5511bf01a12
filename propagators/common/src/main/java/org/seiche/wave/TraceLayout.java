package org.seiche.wave;

/**
 * How a batch's traces are numbered: group after group, each group's [shots, perShot] in
 * order, so that a group's traces are one contiguous block; and the scale of each source
 * trace (the propagator's, say dt B for a force, -dt for pressure).
 */
public interface TraceLayout {
    /** First trace of source group g; g = group count gives the number of traces. */
    int sourceBase(int g);

    /** First trace of receiver group g; g = group count gives the number of traces. */
    int receiverBase(int g);

    double scale(int trace);
}
