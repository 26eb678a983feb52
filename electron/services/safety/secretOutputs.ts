/**
 * Which answers of the contract pass through the secret policy on their way out, and how. Every
 * handler's result is handed to its rule here before any host sees it (`withSecretPolicy`, applied
 * once in createServices). Answers built from records that must be withheld before they are
 * formatted — exports and packages, the import report file, the restore preview, the search
 * history — apply the same policy where they are made; everything else that can name a secret
 * record is listed here.
 */
import type { ApiHandlers, OperationName, OutputOf } from '../../../shared/contract/api';
import type { BatchDetail } from '../../../shared/contract/types/handover';
import type { ServiceContext } from '../context';
import { SecretPolicy } from './secretPolicy';

type Rule<N extends OperationName> = (policy: SecretPolicy, out: OutputOf<N>) => OutputOf<N>;

const batch = (p: SecretPolicy, d: BatchDetail) => p.batchDetail(d);

export const SECRET_OUTPUTS: { [N in OperationName]?: Rule<N> } = {
  'jobs.get': (p, s) => p.jobStatus(s),
  'jobs.cancel': (p, s) => p.jobStatus(s),
  'importRuns.list': (p, page) => ({ ...page, items: page.items.map((r) => p.importRun(r)) }),
  'importRuns.get': (p, run) => p.importRun(run),
  'importRuns.items': (p, page) => ({ ...page, items: p.importItems(page.items) }),
  'audit.list': (p, entries) => p.auditEntries(entries),
  'files.remove': (p, r) => ({ ...r, documentIds: r.documentIds.filter((id) => !p.hidesDocument(id)) }),
  'files.restore': (p, r) => ({ ...r, documentIds: r.documentIds.filter((id) => !p.hidesDocument(id)) }),

  'handover.batches.get': batch,
  'handover.batches.create': batch,
  'handover.batches.update': batch,
  'handover.batches.addFiles': batch,
  'handover.batches.removeFiles': batch,
  'handover.batches.assignBoxes': batch,
  'handover.batches.advance': batch,
  'handover.batches.reopen': batch,
  'handover.batches.recordReceipt': batch,
  'handover.batches.candidates': (p, files) => p.candidateFiles(files),
  'handover.jobResult': (p, { result }) => {
    if (result?.kind === 'verify') return { result: { ...result, report: p.verificationReport(result.report) } };
    if (result?.kind === 'receive') return { result: { ...result, report: p.verificationReport(result.report) } };
    return { result };
  },

  'integrity.check': (p, report) => p.integrityReport(report),
  'backups.verify': (p, v) => p.backupVerification(v),
};

/** The handlers with each answer passed through its rule (a policy made per call: access may change between calls). */
export function withSecretPolicy(ctx: ServiceContext, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [name, rule] of Object.entries(SECRET_OUTPUTS) as Array<[OperationName, Rule<OperationName>]>) {
    const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
    if (typeof handler !== 'function') continue;
    wrapped[name] = async (input: unknown) => rule(SecretPolicy.of(ctx), (await handler(input)) as OutputOf<OperationName>);
  }
  return wrapped as ApiHandlers;
}
