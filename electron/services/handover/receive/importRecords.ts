/**
 * Writes a package's records into the receiving catalogue. The fonds keeps its code and its
 * organization; organizations the catalogue does not know are created with their lineage; each
 * package key is recorded with what it became here (`handover_received_items`), so an interrupted
 * receipt resumes where it stopped and nothing is imported twice. Every record created is audited.
 */
import { ApiError, coded, type ErrorMessage } from '../../../../shared/contract/errors';
import type { PackageCatalogue, PackagedDocument, PackagedOrganization } from '../../../../shared/handover/packageFormat';
import { type ServiceContext, audit, nowOf } from '../../context';
import { writeDocument } from '../../documents/writeDocument';

type Received = Map<string, { entityType: string; entityId: number; outcome: string }>;

/** Package key → id in this catalogue. */
export interface KeyMap {
  organizations: Map<string, number>;
  fonds: Map<string, number>;
  fileLists: Map<string, number>;
  files: Map<string, number>;
}

/** The organization of this catalogue a package organization is: same code, else same name. */
function resolveOrganization(ctx: ServiceContext, o: PackagedOrganization): number | null {
  const { repos } = ctx.catalogue;
  if (o.code) {
    const byCode = repos.handoverData.findOrganizationByCode(o.code);
    if (byCode !== null) return byCode;
  }
  return repos.organizations.findByName(o.name)?.id ?? null;
}

/**
 * What would clash with the catalogue as it is: a fonds code held by another organization's
 * fonds, or a file number already used in the same fonds. Vietnamese messages; empty when none.
 */
export function receiveConflicts(ctx: ServiceContext, c: PackageCatalogue, received: Received): ErrorMessage[] {
  const { repos } = ctx.catalogue;
  const out: ErrorMessage[] = [];
  const orgByKey = new Map(c.organizations.map((o) => [o.key, o]));
  for (const f of c.fonds) {
    const local = repos.fonds.getByCode(f.code);
    if (!local || received.has(f.key)) continue;
    const pkgOrg = orgByKey.get(f.organizationKey);
    const localOrg = pkgOrg ? resolveOrganization(ctx, pkgOrg) : null;
    if (localOrg !== local.organizationId) {
      out.push(coded('receive.fondsOfOtherBody', { code: f.code, name: local.name, body: local.organizationName, packageBody: pkgOrg?.name ?? null }).text);
    }
  }
  const fondsByKey = new Map(c.fonds.map((f) => [f.key, f]));
  for (const file of c.files) {
    if (received.has(file.key)) continue;
    const f = fondsByKey.get(file.fondsKey);
    const local = f ? repos.fonds.getByCode(f.code) : undefined;
    if (local && repos.files.findByCode(local.id, file.code)) {
      out.push(coded('receive.fileCodeHeld', { fonds: local.code, code: file.code }).text);
      if (out.length >= 20) break;
    }
  }
  return out;
}

/** Organizations ordered so that each comes after its parent. */
function parentsFirst(orgs: PackagedOrganization[]): PackagedOrganization[] {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const out: PackagedOrganization[] = [];
  const seen = new Set<string>();
  const visit = (o: PackagedOrganization, depth: number) => {
    if (seen.has(o.key) || depth > orgs.length) return;
    const parent = o.parentKey ? byKey.get(o.parentKey) : undefined;
    if (parent) visit(parent, depth + 1);
    if (!seen.has(o.key)) {
      seen.add(o.key);
      out.push(o);
    }
  };
  for (const o of orgs) visit(o, 0);
  return out;
}

/**
 * The incoming batch, organizations, successions, retention periods, fonds, file lists and files,
 * in one transaction. Returns the key map for the documents that follow.
 */
export function importStructure(ctx: ServiceContext, c: PackageCatalogue, batchId: number | null, reportJson: string): { batchId: number; keys: KeyMap } {
  const { repos } = ctx.catalogue;
  return ctx.catalogue.transaction(() => {
    const now = nowOf(ctx);
    const keys: KeyMap = { organizations: new Map(), fonds: new Map(), fileLists: new Map(), files: new Map() };
    const pending: Array<[string, string, number, 'created' | 'matched']> = [];
    const received: Received = batchId !== null ? repos.handoverBatches.receivedItems(batchId) : new Map();
    const source = { handoverBatch: c.batch.uuid, batchCode: c.batch.code };

    for (const o of parentsFirst(c.organizations)) {
      const known = received.get(o.key);
      let id = known?.entityId ?? resolveOrganization(ctx, o);
      if (id === null) {
        id = repos.organizations.insert(
          { code: o.code, name: o.name, level: o.level, parentId: o.parentKey ? (keys.organizations.get(o.parentKey) ?? null) : null, startDate: o.startDate, endDate: o.endDate, notes: o.notes },
          now,
        );
        audit(ctx, 'organization.create', 'organization', id, undefined, { ...repos.organizations.get(id), source });
        pending.push([o.key, 'organization', id, 'created']);
      } else if (!known) pending.push([o.key, 'organization', id, 'matched']);
      keys.organizations.set(o.key, id);
    }

    for (const s of c.successions) {
      const from = keys.organizations.get(s.predecessorKey);
      const to = keys.organizations.get(s.successorKey);
      if (from === undefined || to === undefined || from === to) continue;
      if (repos.organizations.get(from)!.successors.some((x) => x.organizationId === to)) continue;
      if (repos.organizations.isSuccessorOf(to, from)) continue; // would form a cycle: the catalogue's own lineage wins
      repos.organizations.addSuccession(from, to, s.effectiveDate, s.basis, s.kind ?? 'succeeded');
      audit(ctx, 'organization.addSuccessor', 'organization', from, undefined, { successorId: to, effectiveDate: s.effectiveDate, basis: s.basis, kind: s.kind ?? 'succeeded', source });
    }

    const fromId = keys.organizations.get(c.batch.fromKey)!;
    const toId = c.batch.toKey ? (keys.organizations.get(c.batch.toKey) ?? null) : null;
    let id = batchId;
    if (id === null) {
      id = repos.handoverBatches.insert(
        {
          uuid: c.batch.uuid,
          code: c.batch.code,
          direction: 'incoming',
          status: 'receiving',
          fromOrganizationId: fromId,
          toOrganizationId: toId === fromId ? null : toId,
          recipientKind: c.batch.recipientKind,
          legalBasis: c.batch.legalBasis,
          handoverDate: c.batch.handoverDate,
          place: c.batch.place,
          senderRepresentative: c.batch.senderRepresentative,
          senderPosition: c.batch.senderPosition,
          receiverRepresentative: c.batch.receiverRepresentative,
          receiverPosition: c.batch.receiverPosition,
          condition: c.batch.condition,
          shelfMetres: c.batch.shelfMetres,
          notes: c.batch.notes,
        },
        now,
      );
      repos.handoverBatches.update(id, { packedAt: c.batch.packedAt, verificationJson: reportJson }, now);
      audit(ctx, 'handover.receiveStart', 'handover_batch', id, undefined, { uuid: c.batch.uuid, code: c.batch.code, from: fromId, to: toId });
    }
    for (const [key, type, entityId, outcome] of pending) repos.handoverBatches.addReceivedItem(id, key, type, entityId, outcome);

    for (const p of c.retentionPeriods) {
      if (repos.codes.retentionExists(p.code)) continue;
      repos.handoverData.insertRetentionPeriod(p);
      audit(ctx, 'retention.add', 'setting', null, undefined, { ...p, source });
    }

    const item = (key: string, type: string, entityId: number, outcome: 'created' | 'matched') => repos.handoverBatches.addReceivedItem(id!, key, type, entityId, outcome);
    for (const f of c.fonds) {
      const known = received.get(f.key);
      let fid = known?.entityId ?? repos.fonds.getByCode(f.code)?.id ?? null;
      if (fid === null) {
        fid = repos.fonds.insert(
          { code: f.code, name: f.name, organizationId: keys.organizations.get(f.organizationKey)!, status: f.status, history: f.history, accessRegime: f.accessRegime, language: f.language, notes: f.notes },
          now,
        );
        audit(ctx, 'fonds.create', 'fonds', fid, undefined, { ...repos.fonds.get(fid), source });
        item(f.key, 'fonds', fid, 'created');
      } else if (!known) item(f.key, 'fonds', fid, 'matched');
      keys.fonds.set(f.key, fid);
    }
    for (const l of c.fileLists) {
      const fondsId = keys.fonds.get(l.fondsKey)!;
      const known = received.get(l.key);
      let lid = known?.entityId ?? repos.fileLists.listByFonds(fondsId).find((x) => x.number === l.number)?.id ?? null;
      if (lid === null) {
        lid = repos.fileLists.insert({ fondsId, number: l.number, year: l.year, title: l.title, notes: l.notes }, now);
        audit(ctx, 'fileList.create', 'file_list', lid, undefined, { ...repos.fileLists.get(lid), source });
        item(l.key, 'file_list', lid, 'created');
      } else if (!known) item(l.key, 'file_list', lid, 'matched');
      keys.fileLists.set(l.key, lid);
    }
    for (const f of c.files) {
      const known = received.get(f.key);
      if (known) {
        keys.files.set(f.key, known.entityId);
        continue;
      }
      const { key: _k, fondsKey, fileListKey, ...fields } = f;
      const fileId = repos.files.insert(
        { ...fields, fondsId: keys.fonds.get(fondsKey)!, fileListId: fileListKey ? (keys.fileLists.get(fileListKey) ?? null) : null, handoverStatus: 'received' },
        now,
      );
      audit(ctx, 'file.create', 'file', fileId, undefined, { ...repos.files.get(fileId), source });
      item(f.key, 'file', fileId, 'created');
      keys.files.set(f.key, fileId);
    }
    return { batchId: id, keys };
  });
}

export interface IncomingDocument {
  doc: PackagedDocument;
  fullText: string;
}

/**
 * One chunk of documents with their originals, in one transaction. An original whose bytes the
 * catalogue already holds is not catalogued twice: the item records it as a duplicate of that one.
 */
export function importDocuments(
  ctx: ServiceContext,
  c: PackageCatalogue,
  batchId: number,
  keys: KeyMap,
  chunk: IncomingDocument[],
  attachmentsByDoc: Map<string, PackageCatalogue['attachments']>,
  storedPaths: Map<string, string>,
): { documents: number; attachments: number; duplicates: Array<{ path: string; sha256: string; documentId: number }> } {
  const { repos } = ctx.catalogue;
  return ctx.catalogue.transaction(() => {
    const received = repos.handoverBatches.receivedItems(batchId);
    const source = { handoverBatch: c.batch.uuid, batchCode: c.batch.code };
    let documents = 0;
    let attachments = 0;
    const duplicates: Array<{ path: string; sha256: string; documentId: number }> = [];
    for (const { doc, fullText } of chunk) {
      if (received.has(doc.key)) continue;
      const { key, fondsKey, fileKey, ...fields } = doc;
      const fondsId = keys.fonds.get(fondsKey);
      if (fondsId === undefined) throw new ApiError('package.unknownFonds', { key });
      // An original the catalogue already holds (or listed twice for this document) is stored once.
      const firstOf = new Map<string, number>();
      const held = (attachmentsByDoc.get(key) ?? []).map((a, i) => {
        const heldId = repos.handoverData.attachmentIdBySha256(a.sha256);
        const repeat = heldId === null && firstOf.has(a.sha256);
        if (heldId === null && !repeat) firstOf.set(a.sha256, i);
        return { a, heldId, stored: heldId === null && !repeat };
      });
      // The package carries texts, not parser output: the citations are read again, so they link here too.
      const { id, attachmentIds } = writeDocument(ctx, {
        fields: { ...fields, fondsId, fileId: fileKey ? (keys.files.get(fileKey) ?? null) : null, fullText, parseInfo: null },
        originals: held.filter((h) => h.stored).map(({ a }) => ({ fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256, storedPath: storedPaths.get(a.key)! })),
        origin: { action: 'document.receive', source },
      });
      repos.handoverBatches.addReceivedItem(batchId, key, 'document', id, 'created');
      documents++;
      const storedIds = new Map<string, number>();
      let next = 0;
      for (const { a, stored } of held) if (stored) storedIds.set(a.sha256, attachmentIds[next++]!);
      for (const { a, heldId, stored } of held) {
        if (stored) {
          repos.handoverBatches.addReceivedItem(batchId, a.key, 'attachment', storedIds.get(a.sha256)!, 'created');
          attachments++;
          continue;
        }
        repos.handoverBatches.addReceivedItem(batchId, a.key, 'attachment', heldId ?? storedIds.get(a.sha256)!, 'duplicate');
        duplicates.push({ path: a.path, sha256: a.sha256, documentId: heldId !== null ? repos.attachments.findBySha256(a.sha256)!.documentId : id });
      }
    }
    return { documents, attachments, duplicates };
  });
}
