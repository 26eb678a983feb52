/**
 * The life of a handover batch (đợt bàn giao): draft → listed → packed → handed over → received,
 * and what must hold before each step. The files of a batch follow it (`files.handover_status`).
 */
import type { HandoverStatus } from '../contract/types';
import type { BatchBlocker, BatchStatus } from '../contract/types/handover';

export const OUTGOING_STEPS: readonly BatchStatus[] = ['draft', 'listed', 'packed', 'handed_over', 'received'];

/** The handover status a file takes while its batch is in a given state. */
export const FILE_STATUS_OF_BATCH: Record<BatchStatus, HandoverStatus> = {
  draft: 'not_started',
  listed: 'listed',
  packed: 'packed',
  handed_over: 'handed_over',
  receiving: 'received',
  received: 'received',
};

/** Files may be added or removed only while the batch is a draft. */
export function canEditContents(status: BatchStatus): boolean {
  return status === 'draft';
}

/** The parties and the legal basis may be corrected until the minutes are signed (handed over). */
export function canEditParticulars(status: BatchStatus): boolean {
  return status === 'draft' || status === 'listed' || status === 'packed';
}

/** A listed or packed batch may go back to draft (to fix a file); once handed over it may not. */
export function canReopen(status: BatchStatus): boolean {
  return status === 'listed' || status === 'packed';
}

/** What the service knows about a batch when it asks whether a step may be taken. */
export interface BatchFacts {
  status: BatchStatus;
  direction: 'outgoing' | 'incoming';
  fileCount: number;
  /** Files missing retention, title or dates. */
  problemCount: number;
  filesWithoutBox: number;
  unconfirmedSecrets: number;
  secretDocuments: number;
  /** Whether secret content may go into exports and packages now (unlocked for export). */
  secretsVisible: boolean;
  hasRecipient: boolean;
  hasPackage: boolean;
  changedSincePacked: number;
  handoverDate: string | null;
  senderRepresentative: string | null;
  senderPosition: string | null;
  receiverRepresentative: string | null;
  receiverPosition: string | null;
}

function blank(v: string | null): boolean {
  return v === null || v.trim() === '';
}

/** Why `target` cannot be reached from the batch's state; empty when it can. */
export function blockersFor(target: BatchStatus, f: BatchFacts): BatchBlocker[] {
  const out: BatchBlocker[] = [];
  const expectedFrom: Partial<Record<BatchStatus, BatchStatus[]>> = {
    listed: ['draft'],
    // A packed batch may be packed again (after a lost or damaged package).
    packed: ['listed', 'packed'],
    handed_over: ['packed'],
    received: ['handed_over'],
  };
  if (f.direction !== 'outgoing') {
    return [{ code: 'incoming', message: { code: 'handoverBlocker.incoming', params: {} } }];
  }
  const from = expectedFrom[target];
  if (!from || !from.includes(f.status)) {
    out.push({ code: 'wrong_step', message: { code: 'handoverBlocker.wrongStep', params: { from: f.status, to: target } } });
    return out;
  }
  if (target === 'listed') {
    if (f.fileCount === 0) out.push({ code: 'empty', message: { code: 'handoverBlocker.empty', params: {} } });
    if (f.problemCount > 0) {
      out.push({ code: 'file_problems', message: { code: 'handoverBlocker.fileProblems', params: { count: f.problemCount } } });
    }
    if (f.unconfirmedSecrets > 0) {
      out.push({ code: 'secrets_unconfirmed', message: { code: 'handoverBlocker.secretsUnconfirmed', params: { count: f.unconfirmedSecrets } } });
    }
    if (!f.hasRecipient) out.push({ code: 'no_recipient', message: { code: 'handoverBlocker.noRecipient', params: {} } });
  }
  if (target === 'packed') {
    if (f.filesWithoutBox > 0) out.push({ code: 'no_box', message: { code: 'handoverBlocker.noBox', params: { count: f.filesWithoutBox } } });
    if (f.unconfirmedSecrets > 0) {
      out.push({ code: 'secrets_unconfirmed', message: { code: 'handoverBlocker.secretsUnconfirmed', params: { count: f.unconfirmedSecrets } } });
    }
    if (f.secretDocuments > 0 && !f.secretsVisible) {
      out.push({ code: 'secrets_hidden', message: { code: 'handoverBlocker.secretsHidden', params: {} } });
    }
  }
  if (target === 'handed_over') {
    if (!f.hasPackage) out.push({ code: 'no_package', message: { code: 'handoverBlocker.noPackage', params: {} } });
    if (f.changedSincePacked > 0) {
      out.push({ code: 'changed_since_packed', message: { code: 'handoverBlocker.changedSincePacked', params: { count: f.changedSincePacked } } });
    }
    if (!f.handoverDate) out.push({ code: 'no_date', message: { code: 'handoverBlocker.noDate', params: {} } });
    if (blank(f.senderRepresentative) || blank(f.senderPosition)) out.push({ code: 'no_sender', message: { code: 'handoverBlocker.noSender', params: {} } });
    if (blank(f.receiverRepresentative) || blank(f.receiverPosition)) out.push({ code: 'no_receiver', message: { code: 'handoverBlocker.noReceiver', params: {} } });
  }
  return out;
}
