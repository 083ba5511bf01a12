package org.seiche.elastic.internal;

import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.wave.Cpml;
import org.seiche.wave.StaggeredPml;

/** C-PML profiles along one axis of the domain, at its integer and half points (docs/elastic.md). */
final class PmlProfiles {
    private PmlProfiles() {
    }

    /** Profiles for an axis of {@code cells} model cells with {@code start} and {@code end} PML cells. */
    static ElasticGrid.Pml along(Cpml cpml, int cells, int start, int end) {
        StaggeredPml p = StaggeredPml.along(cpml, cells, start, end);
        return new ElasticGrid.Pml(p.aInt(), p.bInt(), p.aHalf(), p.bHalf());
    }
}
