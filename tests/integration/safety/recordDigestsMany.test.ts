/**
 * The digests a bulk action's audit rows hold are computed for all its records at once, by SQLite
 * (`recordDigestsOf`: `json_array` of the record's columns, hashed as read). `check` recomputes each
 * record's digest one by one in JavaScript (`recordDigest`: `canonicalJson`): the two must give the
 * same bytes for any text a record can hold, or every record a bulk action touched would be reported
 * as changed outside the log. A record with a text over a megabyte is hashed in pieces instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDigest, recordDigestsOf } from '../../../electron/data/recordDigests';
import { makeFondsWithFile, openTestApp, type TestApp } from '../../support/services';

let app: TestApp;
const ids: number[] = [];

/** Every character JSON escapes or might: controls (NUL included), quotes, backslash, line separators, astral, combining marks. */
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
const TEXTS = [
  'Kết luận của Tỉnh ủy "về" công tác \\ bàn giao\n\ttài liệu\r\n',
  `điều khiển: ${CONTROLS}\u007f hết`,
  'dòng\u2028đoạn\u2029 emoji 📄 and 𝔘 astral; lone-ish \ufffd; NFD: Tỉnh u\u0309y',
  "nháy đơn ' và / gạch chéo <b> &amp; \u00a0 \u200b",
  '',
  // Over a megabyte: hashed in pieces, as check does.
  'Tỉnh ủy Đắk Lắk "bàn giao"\n\t\\ '.repeat(60_000),
];

beforeAll(async () => {
  app = openTestApp();
  const { fonds, file } = await makeFondsWithFile(app);
  const { db } = app.services.context.catalogue;
  const insert = db.prepare(
    `INSERT INTO documents (fonds_id, file_id, order_in_file, sheet_number, doc_type, number_symbol, subject, addressees, recipients, page_count, incoming_stamp, notes, full_text, created_at, updated_at)
     VALUES (@fonds, @file, @order, @sheet, @type, @number, @subject, @addressees, @recipients, @pages, @stamp, @notes, @text, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  );
  TEXTS.forEach((text, i) => {
    const r = insert.run({
      fonds: fonds.id,
      file: i % 2 === 0 ? file.id : null,
      order: i % 2 === 0 ? i + 1 : null,
      sheet: i === 1 ? '12a' : null,
      type: 'KẾT LUẬN',
      number: `${1485 + i}-KL/TU`,
      subject: i === 2 ? null : `về "việc" \\ số ${i}`,
      addressees: JSON.stringify(['Các huyện ủy', `"${i}"`]),
      recipients: '[]',
      pages: i === 3 ? 2 ** 40 : i,
      stamp: i === 0 ? JSON.stringify({ receiver: 'Văn phòng', number: 12, date: '2025-05-14' }) : null,
      notes: i === 4 ? '' : null,
      text,
    });
    ids.push(Number(r.lastInsertRowid));
  });
});

afterAll(async () => {
  await app.close();
});

describe('record digests of many records at once', () => {
  it('are the digests check computes one record at a time, whatever the text holds', () => {
    const { db } = app.services.context.catalogue;
    const many = recordDigestsOf(db, 'document', [...ids, 999_999]);
    expect(many.size).toBe(ids.length);
    expect(many.has(999_999)).toBe(false);
    for (const id of ids) expect(many.get(id), `document ${id}`).toBe(recordDigest(db, 'document', id));
    // Different records, different digests (the texts are really hashed).
    expect(new Set(many.values()).size).toBe(ids.length);
  });

  it('a bulk change of those records leaves check with nothing to report', async () => {
    const result = await app.call('bulk.start', { action: 'documents.setFields', selection: { kind: 'ids', ids }, fields: { issuer: 'TỈNH ỦY "ĐẮK LẮK"', notes: 'ghi chú \\ "x"\n' } });
    expect(result.result!.changed).toBe(ids.length);
    const report = await app.call('integrity.check', { originals: false });
    expect(report.records).toMatchObject({ problems: [] });
    expect(report.records!.checked).toBeGreaterThanOrEqual(ids.length);
  });
});
