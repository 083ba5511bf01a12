package org.seiche.device.cuda.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jcuda.driver.CUdeviceptr;

import org.junit.jupiter.api.Test;
import org.seiche.api.SeicheException;

class LaunchTest {
    @Test
    void launchArgumentsAreClassedLikeThePtxParameters() {
        assertEquals("ipp?", Launch.kinds(new Object[] {3, new CUdeviceptr(), null, 2.0}));
        assertEquals("ippi", Launch.kinds(Launch.flat(new Object[] {3, new Object[] {new CUdeviceptr(), null}, 4})));
    }

    @Test
    void signaturesAreReadFromThePtxEntries() {
        Map<String, String> s = Kernel.signatures(".visible .entry step_f4(\n .param .u32 step_f4_param_0,\n"
                + " .param .u64 step_f4_param_1\n)\n.visible .entry none()\n");
        assertEquals(Map.of("step_f4", "ip", "none", ""), s);
    }

    /** A kernel bundle built without nvcc: its kernels refuse to load, saying why. */
    @Test
    void aMissingModuleSaysTheKernelsWereNotCompiled() {
        assertTrue(!Ptx.present(LaunchTest.class, "ptx/none.ptx"));
        SeicheException e = assertThrows(SeicheException.class, () -> Ptx.read(LaunchTest.class, "ptx/none.ptx"));
        assertTrue(e.getMessage().contains("kernels not compiled (no nvcc at build time)"), e.getMessage());
    }
}
