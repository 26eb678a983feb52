/**
 * The renderer's stores against real services: the bridge the preload would expose is backed by
 * the validating dispatch on a real catalogue file, so each store is driven the way the UI drives
 * it and sees what the services really answer (records, refusals, their Vietnamese sentences).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_NAME, OPERATION_NAMES } from '../../../shared/contract/operationNames';
import { makeFondsWithFile, openTestApp, waitForJob, type TestApp } from '../../support/services';

let app: TestApp;
let stores: {
  app: typeof import('../../../renderer/src/stores/appStore');
  catalogue: typeof import('../../../renderer/src/stores/catalogueStore');
  document: typeof import('../../../renderer/src/stores/documentStore');
  dialog: typeof import('../../../renderer/src/stores/dialogStore');
  selection: typeof import('../../../renderer/src/stores/selectionStore');
  import: typeof import('../../../renderer/src/stores/importStore');
};
let fondsId: number;
let fileId: number;
let documentId: number;

beforeAll(async () => {
  app = openTestApp();
  const bridge: Record<string, (input: unknown) => unknown> = {};
  for (const name of OPERATION_NAMES) bridge[name] = (input) => app.raw(name, input);
  // The client reads the bridge when it loads: the stores are imported after it is in place.
  (globalThis as Record<string, unknown>)[BRIDGE_NAME] = bridge;
  stores = {
    app: await import('../../../renderer/src/stores/appStore'),
    catalogue: await import('../../../renderer/src/stores/catalogueStore'),
    document: await import('../../../renderer/src/stores/documentStore'),
    dialog: await import('../../../renderer/src/stores/dialogStore'),
    selection: await import('../../../renderer/src/stores/selectionStore'),
    import: await import('../../../renderer/src/stores/importStore'),
  };
  const made = await makeFondsWithFile(app);
  fondsId = made.fonds.id;
  fileId = made.file.id;
  const text = path.join(app.dir, 'ket-luan.txt');
  fs.writeFileSync(text, 'TỈNH ỦY ĐẮK LẮK\nSố 1485-KL/TU\nĐắk Lắk, ngày 14 tháng 5 năm 2025\nKẾT LUẬN\nvề công tác bàn giao tài liệu lưu trữ\nNội dung kết luận.\n');
  const { jobId } = await app.call('import.start', { target: { fondsId, fileId }, paths: [text] });
  expect((await waitForJob(app, jobId)).imported).toBe(1);
  documentId = (await app.call('documents.list', { fileId, offset: 0, limit: 10 })).items[0]!.id;
}, 120_000);

afterAll(async () => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_NAME];
  await app?.close();
});

describe('the app store', () => {
  it('boots with the catalogue’s info, counts and code lists, and navigates', async () => {
    const { useAppStore } = stores.app;
    await useAppStore.getState().boot();
    const s = useAppStore.getState();
    expect(s).toMatchObject({ booting: false, bootError: null, locked: false, actor: 'tester' });
    expect(s.counts?.documents).toBe(1);
    expect(s.codeLists?.retentionPeriods.length).toBeGreaterThan(0);
    s.navigate({ kind: 'file', fileId });
    expect(useAppStore.getState().view).toEqual({ kind: 'file', fileId });
  });
});

describe('the catalogue store', () => {
  it('loads the fonds, fetches a fonds’ files once when asked, and counts up its revision', async () => {
    const { useCatalogueStore } = stores.catalogue;
    const before = useCatalogueStore.getState().revision;
    await useCatalogueStore.getState().load();
    let s = useCatalogueStore.getState();
    expect(s.fonds.map((f) => f.code)).toEqual(['HU-KP']);
    expect(s.filesByFonds[fondsId]).toBeUndefined();
    expect(s.revision).toBe(before + 1);
    await Promise.all([s.ensureFiles(fondsId), s.ensureFiles(fondsId)]);
    s = useCatalogueStore.getState();
    expect(s.filesByFonds[fondsId]?.map((f) => f.code)).toEqual(['1']);
    s.toggle(fondsId);
    expect(useCatalogueStore.getState().expanded[fondsId]).toBe(true);
    useCatalogueStore.getState().expand(fondsId);
    expect(useCatalogueStore.getState().expanded[fondsId]).toBe(true);
    useCatalogueStore.getState().toggle(fondsId);
    expect(useCatalogueStore.getState().expanded[fondsId]).toBe(false);
  });
});

describe('the document store', () => {
  it('loads a document with its history', async () => {
    const { useDocumentStore } = stores.document;
    await useDocumentStore.getState().load(documentId);
    const s = useDocumentStore.getState();
    expect(s).toMatchObject({ documentId, loading: false, error: null });
    expect(s.detail?.numberSymbol).toBe('1485-KL/TU');
    expect(s.audit.map((e) => e.action)).toContain('document.import');
  });

  it('keeps only the last document asked for when replies cross, and words a refusal in Vietnamese', async () => {
    const { useDocumentStore } = stores.document;
    const first = useDocumentStore.getState().load(documentId);
    const second = useDocumentStore.getState().load(999_999);
    await Promise.all([first, second]);
    const s = useDocumentStore.getState();
    expect(s.documentId).toBe(999_999);
    expect(s.detail).toBeNull();
    expect(s.error).toBe('Không tìm thấy văn bản (mã 999999).');
  });
});

describe('the dialog and selection stores', () => {
  it('opens one dialog at a time', () => {
    const { useDialogStore } = stores.dialog;
    useDialogStore.getState().open({ kind: 'newFonds' });
    useDialogStore.getState().open({ kind: 'newFile', fondsId });
    expect(useDialogStore.getState().dialog).toEqual({ kind: 'newFile', fondsId });
    useDialogStore.getState().close();
    expect(useDialogStore.getState().dialog).toBeNull();
  });

  it('keeps a selection while the same list shows, and starts empty on another', () => {
    const { useSelectionStore, selectionRequest, selectedCount } = stores.selection;
    const list = { scope: `file:${fileId}`, target: 'documents' as const, fondsId };
    const sel = useSelectionStore.getState();
    sel.bind(list);
    sel.click(documentId, [documentId, 2, 3], {});
    expect(selectedCount(useSelectionStore.getState().selection)).toBe(1);
    useSelectionStore.getState().bind({ ...list });
    expect(selectedCount(useSelectionStore.getState().selection)).toBe(1);
    expect(selectionRequest(useSelectionStore.getState().selection)).toEqual({ kind: 'ids', ids: [documentId] });
    useSelectionStore.getState().bind({ ...list, scope: 'search:bàn giao' });
    expect(selectedCount(useSelectionStore.getState().selection)).toBe(0);
    expect(selectionRequest(useSelectionStore.getState().selection)).toBeNull();
  });
});

describe('the import store', () => {
  it('imports files by path, following the job to its end, and refreshes the counts', async () => {
    const { useImportStore } = stores.import;
    const second = path.join(app.dir, 'cong-van.txt');
    fs.writeFileSync(second, 'TỈNH ỦY ĐẮK LẮK\nSố 20-CV/TU\nĐắk Lắk, ngày 2 tháng 6 năm 2025\nCÔNG VĂN\nvề lập hồ sơ\nNội dung.\n');
    await useImportStore.getState().start({ fondsId, fileId }, [], [second, path.join(app.dir, 'ket-luan.txt')]);
    const s = useImportStore.getState();
    expect(s.phase).toBe('finished');
    expect(s.status).toMatchObject({ state: 'done', processed: 2, imported: 1, duplicates: 1, failed: 0 });
    expect(stores.app.useAppStore.getState().counts?.documents).toBe(2);
  });

  it('says why an import cannot start, in Vietnamese, and starts nothing', async () => {
    const { useImportStore } = stores.import;
    const missing = path.join(app.dir, 'khong-co.txt');
    await useImportStore.getState().start({ fondsId, fileId }, [], [missing]);
    expect(useImportStore.getState()).toMatchObject({ phase: 'idle', jobId: null, error: `Không tìm thấy: ${missing}` });
    useImportStore.getState().reset();
    expect(useImportStore.getState()).toMatchObject({ phase: 'idle', error: null, status: null });
  });
});
