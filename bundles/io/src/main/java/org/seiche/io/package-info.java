/**
 * Reading and writing Seiche's array files: NumPy {@code .npy}, every numeric or boolean
 * layout numpy writes read, little-endian C order written. Anything else is refused with
 * one line naming the file and what is wrong.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seiche.io;
