/**
 * SEG-Y files (revisions 0, 1 and 2): {@link org.seiche.segy.SegyReader} streams headers and
 * traces through a file channel, {@link org.seiche.segy.Geometry} groups traces into shots with
 * their source and receiver positions, {@link org.seiche.segy.SegyWriter} writes receiver data
 * as rev 2. A file Seiche cannot read is refused with one line naming the file, what is wrong
 * and where (byte offset or trace number).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.segy;
