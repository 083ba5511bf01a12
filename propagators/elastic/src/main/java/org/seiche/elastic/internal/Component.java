package org.seiche.elastic.internal;

import java.util.List;

import org.seiche.api.SeicheException;
import org.seiche.elastic.spi.Field;

/** What a source applies or a receiver records: force / particle velocity in y or x, or pressure. */
enum Component {
    Y(List.of(Field.VY)), X(List.of(Field.VX)), P(List.of(Field.SIGMA_YY, Field.SIGMA_XX));

    /** The fields a source of this component adds to and a receiver reads. */
    final List<Field> fields;

    Component(List<Field> fields) {
        this.fields = fields;
    }

    static Component parse(String name, String field) {
        return switch (name) {
            case "y" -> Y;
            case "x" -> X;
            case "p" -> P;
            default -> throw new SeicheException(field + ": '" + name + "' is not y, x or p (force/velocity in y or x, or pressure)");
        };
    }

    /** Weight of each field in a receiver's trace: pressure is -(sigma_yy + sigma_xx)/2. */
    double receiverWeight() {
        return this == P ? -0.5 : 1;
    }
}
