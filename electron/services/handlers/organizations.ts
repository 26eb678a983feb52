import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { Organization } from '../../../shared/contract/types';
import { type ServiceContext, audit, nowOf } from '../context';

type Handlers = Pick<ApiHandlers, 'organizations.list' | 'organizations.create' | 'organizations.update' | 'organizations.addSuccessor'>;

export function getOrganization(ctx: ServiceContext, id: number): Organization {
  const org = ctx.catalogue.repos.organizations.get(id);
  if (!org) throw notFound('organization', id);
  return org;
}

function checkDates(startDate?: string | null, endDate?: string | null): void {
  if (startDate && endDate && startDate > endDate) {
    throw new ApiError('organization.datesReversed', {}, { endDate: fieldError('field.datesReversed') });
  }
}

export function organizationHandlers(ctx: ServiceContext): Handlers {
  const repo = ctx.catalogue.repos.organizations;
  return {
    'organizations.list': () => repo.list(),

    'organizations.create': (input) => {
      checkDates(input.startDate, input.endDate);
      if (input.parentId != null) getOrganization(ctx, input.parentId);
      return ctx.catalogue.transaction(() => {
        const id = repo.insert(input, nowOf(ctx));
        const created = getOrganization(ctx, id);
        audit(ctx, 'organization.create', 'organization', id, undefined, created);
        return created;
      });
    },

    'organizations.update': ({ id, patch }) => {
      const before = getOrganization(ctx, id);
      checkDates(patch.startDate === undefined ? before.startDate : patch.startDate, patch.endDate === undefined ? before.endDate : patch.endDate);
      if (patch.parentId === id) throw new ApiError('organization.ownParent');
      return ctx.catalogue.transaction(() => {
        repo.update(id, patch, nowOf(ctx));
        const after = getOrganization(ctx, id);
        audit(ctx, 'organization.update', 'organization', id, before, after);
        return after;
      });
    },

    'organizations.addSuccessor': ({ predecessorId, successorId, effectiveDate, basis }) => {
      getOrganization(ctx, predecessorId);
      getOrganization(ctx, successorId);
      if (repo.isSuccessorOf(successorId, predecessorId)) {
        throw new ApiError('organization.successionCycle');
      }
      return ctx.catalogue.transaction(() => {
        repo.addSuccession(predecessorId, successorId, effectiveDate ?? null, basis ?? null);
        audit(ctx, 'organization.addSuccessor', 'organization', predecessorId, undefined, { successorId, effectiveDate, basis });
        return getOrganization(ctx, predecessorId);
      });
    },
  };
}
