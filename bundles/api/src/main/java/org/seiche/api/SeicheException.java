package org.seiche.api;

/**
 * A problem the user can fix (bad input, unknown service, unusable device). Its message is
 * one line naming the field or file and what is wrong; the launcher prints it as it is.
 */
public class SeicheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SeicheException(String message) {
        super(message);
    }

    public SeicheException(String message, Throwable cause) {
        super(message, cause);
    }
}
