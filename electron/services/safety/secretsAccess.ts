import type { AppInfo } from '../../../shared/contract/types';
import { ApiError } from '../../../shared/contract/errors';
import type { AccessPolicy, AccessPurpose, SecretsGrant, ServiceContext } from '../context';

/**
 * Access to secret records (Mật, Tối mật, Tuyệt mật) for one host session.
 *
 * Shown in lists and views by default only where the host is the user's own desktop app; the
 * browser host (reachable by any local program that learns its token) and the command line show
 * them only inside an unlocked scope. Exports and packages include them only inside a scope
 * unlocked for export, whatever the host. A scope has a reason and an end; opening and closing
 * one is written to the audit log by the operations that do it.
 */
export class SecretsAccess implements AccessPolicy {
  private current: SecretsGrant | null = null;

  constructor(
    private readonly viewByDefault: boolean,
    private readonly nowMs: () => number,
  ) {}

  secretsVisible(purpose: AccessPurpose = 'view'): boolean {
    const grant = this.grant();
    if (purpose === 'export') return grant?.purpose === 'export';
    return this.viewByDefault || grant !== null;
  }

  grant(): SecretsGrant | null {
    if (this.current && Date.parse(this.current.until) <= this.nowMs()) this.current = null;
    return this.current;
  }

  unlock(grant: SecretsGrant): void {
    this.current = grant;
  }

  lock(): void {
    this.current = null;
  }
}

/** Where secrets are shown without an unlock: the desktop app (and tests of the services). */
export function secretsShownByDefault(host: AppInfo['host']): boolean {
  return host === 'electron' || host === 'test';
}

/**
 * The refusal for a secret document the caller has not unlocked. It names no document: the caller
 * may have reached it through something else (an original, a citation), and its id is withheld.
 */
export function hiddenError(): ApiError {
  return new ApiError('secrets.hidden');
}

/** Throws `hidden` when the document is secret and secrets are hidden from the caller. */
export function assertDocumentVisible(ctx: ServiceContext, documentId: number): void {
  if (!ctx.access.secretsVisible() && ctx.catalogue.repos.removals.isSecret(documentId)) throw hiddenError();
}
