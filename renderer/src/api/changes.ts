/**
 * "The catalogue changed": every mutation made through `useMutation` announces it, and every
 * mounted query that follows changes reads again, so what a view shows never lags behind what the
 * user just did elsewhere in the window (a bulk move, a restore, a new hồ sơ). Queries whose reply
 * does not depend on the catalogue's records (an original's bytes) opt out.
 */
type Listener = (operation: string) => void;

const listeners = new Set<Listener>();

export function onCatalogueChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceChange(operation: string): void {
  for (const listener of [...listeners]) listener(operation);
}
