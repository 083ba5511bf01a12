package org.seiche.device.cuda;

/** Why the CUDA device cannot run here, in a few words fit for `fwi plugins`. */
final class CudaUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CudaUnavailable(String reason) {
        super(reason);
    }
}
