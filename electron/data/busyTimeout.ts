/**
 * How long a connection waits for another's lock (a write transaction of another process, a
 * checkpoint) before giving up. Batches are short; this bounds a stuck one.
 */
export const BUSY_TIMEOUT_MS = 60_000;
