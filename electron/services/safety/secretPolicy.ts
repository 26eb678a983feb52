/**
 * The one place that applies the secret-field rule (shared/security/secretFields.ts) to what the
 * services answer: every list, report, export, package, handover view, import report, search
 * history and restore preview that can hold a secret record passes through a `SecretPolicy`
 * before it leaves the services. Handlers ask for the policy of their purpose (`view` for what is
 * shown, `export` for what is written out) and hand it what they are about to return; they never
 * decide field by field themselves.
 *
 * tests/integration/safety/lockedViewerSweep.test.ts calls every operation of the contract as a
 * locked viewer and fails on any secret record it can find in the answers or the files written.
 */
import { coded, type ErrorMessage } from '../../../shared/contract/errors';
import type { AuditEntry, DocumentRecord, ImportFileResult, JobStatus } from '../../../shared/contract/types';
import type { BatchDetail, CandidateFile, VerificationReport } from '../../../shared/contract/types/handover';
import type { ImportRun, ImportRunItem } from '../../../shared/contract/types/importing';
import type { BackupVerification, IntegrityReport, RecordProblem, RestoreDifference } from '../../../shared/contract/types/safety';
import { HIDDEN_SECRET_TEXT, isWithheld, lockedSecretDocument } from '../../../shared/security/secretFields';
import type { SecretMarks } from '../../data/repositories/secretRecords';
import type { CatalogueRecords } from '../handover/catalogueRecords';
import type { AccessPurpose, ServiceContext } from '../context';

/** What a secret original's file name becomes in a report. */
const HIDDEN_FILE = HIDDEN_SECRET_TEXT;
const HIDDEN_DUPLICATE = coded('importNote.secretDuplicate');

/** An audit row's content written in sight of secrets (a saved search): `{ inSightOfSecrets: true }`. */
function typedInSight(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { inSightOfSecrets?: unknown }).inSightOfSecrets === true;
}

export class SecretPolicy {
  private cached: SecretMarks | null = null;
  private readonly secretById = new Map<number, boolean>();

  private constructor(
    private readonly ctx: ServiceContext,
    /** True when the caller may see secret records for this purpose: nothing is withheld. */
    readonly visible: boolean,
  ) {}

  /** The policy for the caller now, for showing (`view`) or for writing out (`export`). */
  static of(ctx: ServiceContext, purpose: AccessPurpose = 'view'): SecretPolicy {
    return new SecretPolicy(ctx, ctx.access.secretsVisible(purpose));
  }

  private marks(): SecretMarks {
    this.cached ??= this.ctx.catalogue.repos.secretRecords.any()
      ? this.ctx.catalogue.repos.secretRecords.marks()
      : { documents: new Set(), attachments: new Set(), strings: new Set() };
    return this.cached;
  }

  /** Whether this document is secret and withheld from the caller (looked up by id: no scan of the catalogue). */
  hidesDocument(documentId: number | null | undefined): boolean {
    if (this.visible || documentId === null || documentId === undefined) return false;
    let secret = this.secretById.get(documentId);
    if (secret === undefined) {
      secret = this.cached ? this.cached.documents.has(documentId) : this.ctx.catalogue.repos.removals.isSecret(documentId);
      this.secretById.set(documentId, secret);
    }
    return secret;
  }

  /** Learns which of these documents are secret with one lookup, so that {@link hidesDocument} asks nothing more of them. */
  private lookUpDocuments(documentIds: ReadonlyArray<number | null>): void {
    const unknown = [...new Set(documentIds)].filter((id): id is number => id !== null && !this.secretById.has(id));
    if (unknown.length === 0) return;
    const secret = this.cached ? this.cached.documents : this.ctx.catalogue.repos.removals.secretAmong(unknown);
    for (const id of unknown) this.secretById.set(id, secret.has(id));
  }

  /** Whether a record with this security level is withheld from the caller. */
  hidesLevel(securityLevel: string | null | undefined): boolean {
    return isWithheld(securityLevel, this.visible);
  }

  /** Whether free text names a secret record (its number, subject, original's name or SHA-256). */
  private namesSecret(text: string): boolean {
    if (this.visible) return false;
    for (const s of this.marks().strings) if (text.includes(s)) return true;
    return false;
  }

  /** A document record: shown as it is, or, when secret and withheld, with only the fields the rule shows. */
  document<T extends Pick<DocumentRecord, 'securityLevel'>>(doc: T, opts: { keepId?: boolean; alsoShown?: readonly string[] } = {}): T {
    return this.hidesLevel(doc.securityLevel) ? lockedSecretDocument(doc, opts) : doc;
  }

  /**
   * The catalogue records an export or a package is made from: each secret document withheld from
   * the caller keeps only the fields the rule shows (its row stays, counted and marked secret), gets
   * a key that does not carry its id, and its originals are left out.
   */
  catalogueRecords(records: CatalogueRecords): CatalogueRecords {
    if (this.visible) return records;
    const hidden = new Map<string, string>();
    for (const d of records.documents) if (this.hidesLevel(d.securityLevel)) hidden.set(d.key, `mat-${hidden.size + 1}`);
    if (hidden.size === 0) return records;
    const attachments = records.attachments.filter((a) => !hidden.has(a.documentKey));
    const kept = new Set(attachments.map((a) => a.key));
    const lockDocs = (docs: DocumentRecord[]) => docs.map((d) => this.document(d, { keepId: true }));
    return {
      ...records,
      documents: records.documents.map((d) => (hidden.has(d.key) ? { ...lockedSecretDocument(d, { alsoShown: ['fondsKey', 'fileKey'] }), key: hidden.get(d.key)! } : d)),
      attachments,
      sources: new Map([...records.sources].filter(([key]) => kept.has(key))),
      documentIds: new Map([...records.documentIds].filter(([key]) => !hidden.has(key))),
      documentRecords: new Map([...records.documentRecords].map(([fileId, docs]) => [fileId, lockDocs(docs)])),
      unfiledRecords: lockDocs(records.unfiledRecords),
    };
  }

  /** One file of an import report: a secret document's file keeps only its outcome. */
  importItem<T extends Pick<ImportRunItem, 'name' | 'documentId' | 'message' | 'outcome'> & Partial<Pick<ImportRunItem, 'sha256' | 'size'>>>(item: T): T {
    if (!this.hidesDocument(item.documentId)) return item;
    const said = item.outcome === 'duplicate' ? HIDDEN_DUPLICATE : { message: null, text: null };
    const out = { ...item, name: HIDDEN_FILE, documentId: null, message: said.message, text: said.text };
    if ('sha256' in item) Object.assign(out, { sha256: null });
    if ('size' in item) Object.assign(out, { size: null });
    return out;
  }

  importItems<T extends Parameters<SecretPolicy['importItem']>[0]>(items: T[]): T[] {
    return this.visible ? items : items.map((i) => this.importItem(i));
  }

  /** An import run: a source that names a secret document's file (an upload, a single file given) is withheld. */
  importRun(run: ImportRun): ImportRun {
    if (this.visible) return run;
    const secretNames = this.ctx.catalogue.repos.secretRecords.secretItemNames(run.id);
    if (secretNames.size === 0) return run;
    return { ...run, sources: run.sources.map((s) => (secretNames.has(s) ? HIDDEN_FILE : s)) };
  }

  /** A job's status: its recent import results go through `importItem`. */
  jobStatus(status: JobStatus): JobStatus {
    if (this.visible || status.results.length === 0) return status;
    this.lookUpDocuments(status.results.map((r) => r.documentId));
    return { ...status, results: status.results.map((r: ImportFileResult) => this.importItem(r)) };
  }

  /**
   * Audit rows: the trail is never hidden, but a row about a secret record — its document or
   * original, or any row whose content names one (an import's sources, a batch's confirmation) —
   * keeps only who did what when.
   */
  auditEntries(entries: AuditEntry[]): AuditEntry[] {
    if (this.visible || this.marks().documents.size === 0) return entries;
    const { documents, attachments } = this.marks();
    return entries.map((e) => {
      const aboutSecret =
        (e.entityType === 'document' && e.entityId !== null && documents.has(e.entityId)) ||
        (e.entityType === 'attachment' && e.entityId !== null && attachments.has(e.entityId));
      if (aboutSecret) return { ...e, entityId: null, before: null, after: null, redacted: true };
      if (typedInSight(e.before) || typedInSight(e.after)) return { ...e, before: null, after: null, redacted: true };
      if (this.namesSecret(JSON.stringify([e.before, e.after]))) return { ...e, before: null, after: null, redacted: true };
      return e;
    });
  }

  /** A handover batch: its secret documents are counted, their numbers and confirmations' reasons withheld. */
  batchDetail(detail: BatchDetail): BatchDetail {
    if (this.visible) return detail;
    return {
      ...detail,
      secretConfirmations: detail.secretConfirmations.map((c) => ({ ...c, documentId: null, numberSymbol: null, reason: HIDDEN_SECRET_TEXT })),
      unconfirmedSecrets: detail.unconfirmedSecrets.map((s) => ({ ...s, documentId: null, numberSymbol: null })),
    };
  }

  candidateFiles(files: CandidateFile[]): CandidateFile[] {
    if (this.visible) return files;
    return files.map((f) => ({ ...f, secretDocuments: f.secretDocuments.map((s) => ({ ...s, documentId: null, numberSymbol: null })) }));
  }

  /** A package's check: originals this catalogue holds as secret records are counted, not named. */
  verificationReport(report: VerificationReport): VerificationReport {
    if (this.visible) return report;
    const held = report.alreadyHeld.filter((h) => !this.hidesDocument(h.documentId));
    const hidden = report.alreadyHeld.length - held.length;
    return hidden === 0 ? report : { ...report, alreadyHeld: held, alreadyHeldSecret: hidden };
  }

  /** The integrity check: a damaged secret original is reported, without its name, path or hashes. */
  integrityReport(report: IntegrityReport): IntegrityReport {
    if (this.visible) return report;
    const secretRecord = (p: RecordProblem) => p.id !== null && (p.entityType === 'document' ? this.hidesDocument(p.id) : this.marks().attachments.has(p.id));
    return {
      ...report,
      ...(report.records
        ? { records: { ...report.records, problems: report.records.problems.map((p) => (secretRecord(p) ? { ...p, id: null, label: HIDDEN_SECRET_TEXT } : p)) } }
        : {}),
      originals: {
        ...report.originals,
        problems: report.originals.problems.map((p) =>
          this.hidesDocument(p.documentId) ? { ...p, attachmentId: null, documentId: null, fileName: HIDDEN_FILE, storedPath: '', expectedSha256: '', actualSha256: null } : p,
        ),
      },
    };
  }

  /**
   * Problems sent as Vietnamese lines with their codes beside them (a backup's check): a line naming
   * a secret record says so instead, in both forms, so that neither the text nor a code's parameters
   * name it.
   */
  problemLines<T extends { problems: string[]; problemTexts?: ErrorMessage[] }>(said: T): T {
    if (this.visible) return said;
    const withheld = said.problems.map((l, i) => this.namesSecret(l) || this.namesSecret(JSON.stringify(said.problemTexts?.[i]?.params ?? null)));
    if (!withheld.includes(true)) return said;
    const secret = coded('backupCheck.secretOriginal');
    return {
      ...said,
      problems: said.problems.map((l, i) => (withheld[i] ? secret.message : l)),
      ...(said.problemTexts ? { problemTexts: said.problemTexts.map((t, i) => (withheld[i] ? secret.text : t)) } : {}),
    };
  }

  /** A backup's check: lines and shared damage naming a secret original say so instead. */
  backupVerification(v: BackupVerification): BackupVerification {
    if (this.visible) return v;
    return {
      ...this.problemLines(v),
      ...(v.sharedDamage ? { sharedDamage: v.sharedDamage.map((d) => (this.namesSecret(d.storedPath) ? { ...d, storedPath: HIDDEN_FILE } : d)) } : {}),
    };
  }

  /** What a restore would change: secret documents are counted, not listed. */
  restoreDifferences(items: Array<RestoreDifference & { secret: boolean }>): { items: RestoreDifference[]; hidden: number } {
    const shown: RestoreDifference[] = [];
    let hidden = 0;
    for (const { secret, ...d } of items) {
      if (secret && !this.visible) hidden++;
      else shown.push(d);
    }
    return { items: shown, hidden };
  }

  /**
   * Whether searches kept (history, saved searches) typed in sight of secret records are shown: their
   * words may come from secret records, so only to a caller who sees secrets. A search kept now is
   * marked so when the caller sees secrets. Audit rows about such a search carry
   * `inSightOfSecrets: true` and are withheld the same way.
   */
  get showsSearchesTypedInSightOfSecrets(): boolean {
    return this.visible;
  }
}
