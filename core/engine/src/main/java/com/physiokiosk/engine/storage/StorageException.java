package com.physiokiosk.engine.storage;

/**
 * The database could not do what was asked: disk full, folder read-only, database locked or
 * damaged. The message says which, without patient data.
 */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
