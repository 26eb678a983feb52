/**
 * A package already standing where a new one is to be written. Packaging writes under a partial
 * name, renames the bag into place only once it is complete, and then records it on the batch; a
 * run killed between the rename and the record (SIGKILL, power cut) leaves a complete package
 * that nothing records. Packing the batch again to the same place may replace that leftover: it
 * is a bag of this very batch and no `handover.pack` audit row ever named it. Anything else found
 * there (another batch's package, a package once recorded and perhaps already handed over, any
 * other file) is never overwritten.
 */
import path from 'node:path';
import { BAG_INFO, bagInfoValue, parseBagInfo } from '../../../../shared/handover/bagit';
import type { ServiceContext } from '../../context';
import { openBag } from './bagSource';

const MAX_BAG_INFO_BYTES = 1024 * 1024;

async function batchIdOfBag(location: string): Promise<string | null> {
  let source;
  try {
    source = await openBag(location);
  } catch {
    return null;
  }
  try {
    const text = await source.readText(BAG_INFO, MAX_BAG_INFO_BYTES);
    return text === null ? null : bagInfoValue(parseBagInfo(text).info, 'KhoLuu-Batch-Id');
  } catch {
    return null;
  } finally {
    await source.close();
  }
}

function packagePathOf(after: unknown): string | null {
  const pkg = after && typeof after === 'object' ? (after as { package?: { path?: unknown } }).package : undefined;
  return typeof pkg?.path === 'string' ? pkg.path : null;
}

/** True when `location` holds a complete package of this batch that was never recorded (see above). */
export async function isUnrecordedLeftover(ctx: ServiceContext, batch: { id: number; uuid: string }, location: string): Promise<boolean> {
  if ((await batchIdOfBag(location)) !== batch.uuid) return false;
  const resolved = path.resolve(location);
  const history = ctx.catalogue.repos.audit.list({ entityType: 'handover_batch', entityId: batch.id, limit: 1_000_000 });
  return !history.some((e) => e.action === 'handover.pack' && packagePathOf(e.after) !== null && path.resolve(packagePathOf(e.after)!) === resolved);
}
