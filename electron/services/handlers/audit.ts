import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';
import { assertDocumentVisible } from '../safety/secretsAccess';

type Handlers = Pick<ApiHandlers, 'audit.list'>;

export function auditHandlers(ctx: ServiceContext): Handlers {
  return {
    'audit.list': (q) => {
      // A hidden secret document's history is refused; other rows about secrets are redacted.
      if (q.documentId !== undefined) assertDocumentVisible(ctx, q.documentId);
      // What the rows say about secret records is withheld by the secret policy (safety/secretOutputs.ts).
      return ctx.catalogue.repos.audit.list(q);
    },
  };
}
