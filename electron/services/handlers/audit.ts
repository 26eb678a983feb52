import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';

type Handlers = Pick<ApiHandlers, 'audit.list'>;

export function auditHandlers(ctx: ServiceContext): Handlers {
  return {
    'audit.list': (q) => ctx.catalogue.repos.audit.list(q),
  };
}
