/**
 * Reading pipeline files into specs: every key checked where it stands against the services
 * found, arrays (npy, HDF5, SEG-Y, synthetic, smoothed), surveys (regular, from SEG-Y trace
 * headers, points off the grid with their Hicks cells), models per shot; and the image of a
 * pipeline that another process reads into the same spec.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.pipeline.file;
