package org.seiche.acoustic.internal;

import org.seiche.acoustic.spi.PointSet;
import org.seiche.api.SeicheException;

/**
 * What a source applies or a receiver records: pressure (p, the default; a volume injection
 * rate as a source), or the particle velocity (a force per unit mass as a source) along z,
 * y or x, as Deepwave's _p, _z, _y, _x arguments. The letters name the model's dimensions
 * from the last: x is the last, y the one before, z the first of a 3-D model.
 */
record Component(int field, int dimension) {
    static final Component PRESSURE = new Component(PointSet.PRESSURE, -1);

    static Component parse(String name, int ndim, String where) {
        String axes = ndim == 3 ? "z, y, x" : ndim == 2 ? "y, x" : "x";
        int axis = switch (name) {
            case "", "p" -> -1;
            case "z" -> 0;
            case "y" -> 1;
            case "x" -> 2;
            default -> throw new SeicheException(where + ": '" + name + "' is not p (pressure) or a velocity component ("
                    + axes + ")");
        };
        if (axis < 0) {
            return PRESSURE;
        }
        int d = axis - (3 - ndim);
        if (d < 0) {
            throw new SeicheException(where + ": a " + ndim + "-D model has no '" + name + "' component (p or " + axes + ")");
        }
        return new Component(PointSet.VELOCITY + d, d);
    }

    boolean velocity() {
        return field != PointSet.PRESSURE;
    }
}
