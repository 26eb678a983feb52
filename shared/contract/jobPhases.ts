/**
 * What a background job is doing now, as the progress line says it: a code the job sets
 * (`Job.setPhase`) and its words in both languages of the interface (the command line and older
 * readers get the Vietnamese in `JobStatus.phase`).
 */
export const JOB_PHASES = {
  preparing: { vi: 'Đang chuẩn bị', en: 'Preparing' },
  backupBeforeImport: { vi: 'Đang sao lưu danh mục trước khi nhập', en: 'Backing up the catalogue before the import' },
  backupBeforeReceive: { vi: 'Đang sao lưu danh mục trước khi tiếp nhận', en: 'Backing up the catalogue before receiving' },
  checkingPackage: { vi: 'Đang kiểm tra mã SHA-256 của từng tệp trong gói', en: 'Checking the SHA-256 of every file in the package' },
  storingOriginals: { vi: 'Đang đưa bản gốc vào kho (kiểm tra lại SHA-256)', en: 'Storing the originals (SHA-256 checked again)' },
  writingRecords: { vi: 'Đang ghi hồ sơ, văn bản vào danh mục', en: 'Writing files and documents into the catalogue' },
  checkingRecords: { vi: 'Đang kiểm tra từng bản ghi', en: 'Checking each record' },
  writing: { vi: 'Đang ghi', en: 'Writing' },
  packingForms: { vi: 'Đang lập biểu mẫu (mục lục, biên bản, nhãn hộp, thống kê)', en: 'Making the forms (lists, minutes, box labels, statistics)' },
  packingRecords: { vi: 'Đang ghi hồ sơ danh mục (JSON, CSV, toàn văn)', en: 'Writing the catalogue records (JSON, CSV, full texts)' },
  packingOriginals: { vi: 'Đang sao và kiểm tra bản gốc', en: 'Copying and checking the originals' },
  backupBeforeEncrypt: { vi: 'Đang sao lưu danh mục trước khi mã hóa', en: 'Backing up the catalogue before encrypting it' },
  encryptingCatalogue: { vi: 'Đang mã hóa danh mục và các bản sao lưu', en: 'Encrypting the catalogue and its backups' },
  sealingOriginals: { vi: 'Đang mã hóa bản gốc (trong kho và các bản sao lưu)', en: 'Encrypting the originals (in the store and the backups)' },
  packingManifest: { vi: 'Đang ghi tệp kê khai (manifest) và hoàn tất gói', en: 'Writing the manifests and finishing the package' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type JobPhase = keyof typeof JOB_PHASES;

export function isJobPhase(value: unknown): value is JobPhase {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(JOB_PHASES, value);
}
