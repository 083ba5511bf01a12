/**
 * HDF5 files through jHDF: {@link org.seiche.hdf5.Hdf5#read} reads one dataset as an array,
 * {@link org.seiche.hdf5.Hdf5#write} writes arrays and text attributes as one archive.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.hdf5;
