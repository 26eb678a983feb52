import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';
import { cancelDecision, confirmDecision, destructionCandidates, exportDecisionList, getDecision, recordDecision } from '../safety/destruction';
import { moveOriginalsToQuarantine } from '../safety/quarantine';
import { removeDocument, removeFile, restoreDocument, restoreFile } from '../safety/removal';
import { getDocument } from './documents';

type Handlers = Pick<
  ApiHandlers,
  | 'documents.remove'
  | 'documents.restore'
  | 'files.remove'
  | 'files.restore'
  | 'removed.list'
  | 'destruction.candidates'
  | 'destruction.list'
  | 'destruction.get'
  | 'destruction.record'
  | 'destruction.exportList'
  | 'destruction.confirm'
  | 'destruction.cancel'
  | 'destruction.moveOriginals'
>;

/** Removal with a reason and restore; destruction recorded as an approved decision. */
export function safetyRecordHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'documents.remove': ({ id, reason }) => removeDocument(ctx, id, reason),
    'documents.restore': ({ id, reason }) => {
      restoreDocument(ctx, id, reason ?? null);
      return getDocument(ctx, id);
    },
    'files.remove': ({ id, reason }) => removeFile(ctx, id, reason),
    'files.restore': ({ id, reason }) => restoreFile(ctx, id, reason ?? null),
    'removed.list': (q) => repos.removals.listRemoved({ ...q, includeSecret: ctx.access.secretsVisible() }),

    'destruction.candidates': () => destructionCandidates(ctx),
    'destruction.list': () => repos.destruction.list(),
    'destruction.get': ({ id }) => getDecision(ctx, id),
    'destruction.record': (input) => recordDecision(ctx, input),
    'destruction.exportList': ({ id }) => exportDecisionList(ctx, id),
    'destruction.confirm': ({ id, listSha256 }) => confirmDecision(ctx, id, listSha256),
    'destruction.cancel': ({ id, reason }) => cancelDecision(ctx, id, reason),
    'destruction.moveOriginals': ({ id, quarantineDir }) => moveOriginalsToQuarantine(ctx, id, quarantineDir),
  };
}
