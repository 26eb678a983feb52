import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { makeFondsWithFile, openTestApp, waitForJob, type TestApp } from '../../support/services';

const apps: TestApp[] = [];

afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

export function start(dir?: string): TestApp {
  const app = openTestApp(dir);
  apps.push(app);
  return app;
}

export interface DocSpec {
  name: string;
  number?: string;
  /** ISO date. */
  date?: string;
  type?: string;
  subject: string;
  body: string;
  security?: 'MẬT' | 'TỐI MẬT';
}

/** A party document in the usual layout, so the importer reads its metadata as it would a real one. */
export function documentText(d: DocSpec): string {
  const [y, m, day] = (d.date ?? '2024-05-14').split('-').map(Number);
  return [
    'TỈNH ỦY ĐẮK LẮK',
    '*',
    `Số ${d.number ?? '1-KL/TU'}`,
    ...(d.security ? [d.security] : []),
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `Đắk Lắk, ngày ${day} tháng ${m} năm ${y}`,
    '',
    d.type ?? 'KẾT LUẬN',
    d.subject,
    '-----',
    '',
    d.body,
    '',
    'Nơi nhận:',
    '- Các huyện ủy, thành ủy,',
    '- Lưu Văn phòng Tỉnh ủy.',
    '',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    '',
    'Nguyễn Văn Thành',
    '',
  ].join('\n');
}

/** Imports the given documents (and any extra paths) into a fonds with one file; returns their ids by name. */
export async function importDocs(app: TestApp, docs: DocSpec[], extraPaths: string[] = []) {
  const { fonds, file, org } = await makeFondsWithFile(app);
  const dir = path.join(app.dir, 'incoming');
  fs.mkdirSync(dir, { recursive: true });
  const paths = docs.map((d) => {
    const p = path.join(dir, `${d.name}.txt`);
    fs.writeFileSync(p, documentText(d));
    return p;
  });
  const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id, fileId: file.id }, paths: [...paths, ...extraPaths] });
  const status = await waitForJob(app, jobId);
  const ids = new Map<string, number>();
  for (const r of status.results) {
    if (r.documentId === null) throw new Error(`import failed: ${r.name}: ${r.message}`);
    ids.set(path.basename(r.name).replace(/\.txt$/, ''), r.documentId);
  }
  return { fonds, file, org, ids, status };
}
