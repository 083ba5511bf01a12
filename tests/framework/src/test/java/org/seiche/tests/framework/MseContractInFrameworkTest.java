package org.seiche.tests.framework;

import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.seiche.api.Loss;
import org.seiche.testing.LossContract;

/** The loss contract, on the mse service DS registered rather than on a constructed instance. */
@ExtendWith(ServiceExtension.class)
class MseContractInFrameworkTest extends LossContract {
    @InjectService(filter = "(" + Loss.PROPERTY + "=mse)", timeout = 10_000)
    Loss mse;

    @Override
    protected Loss loss() {
        return mse;
    }

    @Override
    protected boolean hasCurvature() {
        return true;
    }
}
