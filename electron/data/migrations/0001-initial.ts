import type { Migration } from './types';

/**
 * The first catalogue: organizations with their 2025 successions, fonds, file lists, files (hồ sơ),
 * documents, attachments, an append-only hash-chained audit log, and the full-text index.
 * Domain rules the database itself guards: a file list, file or document never crosses fonds.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE retention_periods (
        code TEXT PRIMARY KEY,
        retention_class TEXT NOT NULL CHECK (retention_class IN ('permanent', 'fixed')),
        years INTEGER,
        label_vi TEXT NOT NULL,
        label_en TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        CHECK ((retention_class = 'permanent' AND years IS NULL) OR (retention_class = 'fixed' AND years > 0))
      );
      -- Defaults from the code list of Thông tư 02/2019/TT-BNV; editable data, not rules in code.
      INSERT INTO retention_periods (code, retention_class, years, label_vi, label_en, sort_order) VALUES
        ('VV', 'permanent', NULL, 'Vĩnh viễn', 'Permanent', 0),
        ('70', 'fixed', 70, '70 năm', '70 years', 1),
        ('50', 'fixed', 50, '50 năm', '50 years', 2),
        ('30', 'fixed', 30, '30 năm', '30 years', 3),
        ('20', 'fixed', 20, '20 năm', '20 years', 4),
        ('10', 'fixed', 10, '10 năm', '10 years', 5),
        ('5', 'fixed', 5, '5 năm', '5 years', 6);

      CREATE TABLE organizations (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        name TEXT NOT NULL,
        level TEXT NOT NULL DEFAULT 'other'
          CHECK (level IN ('central', 'province', 'district', 'commune', 'grassroots', 'agency', 'other')),
        parent_id INTEGER REFERENCES organizations(id),
        start_date TEXT,
        end_date TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE organization_successions (
        predecessor_id INTEGER NOT NULL REFERENCES organizations(id),
        successor_id INTEGER NOT NULL REFERENCES organizations(id),
        effective_date TEXT,
        basis TEXT,
        PRIMARY KEY (predecessor_id, successor_id),
        CHECK (predecessor_id <> successor_id)
      );

      CREATE TABLE fonds (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        organization_id INTEGER NOT NULL REFERENCES organizations(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        history TEXT,
        access_regime TEXT CHECK (access_regime IN ('public', 'conditional', 'secret')),
        language TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE file_lists (
        id INTEGER PRIMARY KEY,
        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
        number TEXT NOT NULL,
        year INTEGER,
        title TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (fonds_id, number)
      );

      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
        file_list_id INTEGER REFERENCES file_lists(id),
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        retention_code TEXT REFERENCES retention_periods(code),
        completion TEXT CHECK (completion IN ('completed', 'unfinished')),
        box TEXT,
        sheet_count INTEGER CHECK (sheet_count >= 0),
        page_count INTEGER CHECK (page_count >= 0),
        access_regime TEXT CHECK (access_regime IN ('public', 'conditional', 'secret')),
        language TEXT,
        keywords TEXT,
        physical_condition TEXT,
        notes TEXT,
        handover_status TEXT NOT NULL DEFAULT 'not_started'
          CHECK (handover_status IN ('not_started', 'listed', 'packed', 'handed_over', 'received')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (fonds_id, code)
      );
      CREATE INDEX files_fonds ON files(fonds_id);

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
        file_id INTEGER REFERENCES files(id),
        order_in_file INTEGER,
        sheet_number TEXT,
        doc_type TEXT,
        number_symbol TEXT,
        number_key TEXT,
        issue_date TEXT,
        issuer TEXT,
        parent_issuer TEXT,
        place TEXT,
        subject TEXT,
        signer_name TEXT,
        signer_title TEXT,
        signing_authority TEXT,
        addressees TEXT NOT NULL DEFAULT '[]',
        recipients TEXT NOT NULL DEFAULT '[]',
        security_level TEXT CHECK (security_level IN ('mat', 'toi_mat', 'tuyet_mat')),
        urgency TEXT CHECK (urgency IN ('khan', 'thuong_khan', 'hoa_toc')),
        language TEXT,
        page_count INTEGER,
        reliability TEXT,
        incoming_stamp TEXT,
        full_text TEXT NOT NULL DEFAULT '',
        notes TEXT,
        review_fields TEXT NOT NULL DEFAULT '[]',
        parse_info TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX documents_fonds ON documents(fonds_id);
      CREATE INDEX documents_file ON documents(file_id);
      CREATE INDEX documents_number_key ON documents(number_key);
      CREATE INDEX documents_issue_date ON documents(issue_date);

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        stored_path TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      -- One original is catalogued once: re-importing the same bytes finds this row.
      CREATE UNIQUE INDEX attachments_sha256 ON attachments(sha256);
      CREATE INDEX attachments_document ON attachments(document_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id INTEGER,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_entity ON audit_log(entity_type, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- Records of one organization stay together (domain.md: fonds are never mixed).
      CREATE TRIGGER files_list_same_fonds_insert BEFORE INSERT ON files
        WHEN NEW.file_list_id IS NOT NULL
         AND (SELECT fonds_id FROM file_lists WHERE id = NEW.file_list_id) IS NOT NEW.fonds_id
        BEGIN SELECT RAISE(ABORT, 'file list belongs to another fonds'); END;
      CREATE TRIGGER files_list_same_fonds_update BEFORE UPDATE OF file_list_id, fonds_id ON files
        WHEN NEW.file_list_id IS NOT NULL
         AND (SELECT fonds_id FROM file_lists WHERE id = NEW.file_list_id) IS NOT NEW.fonds_id
        BEGIN SELECT RAISE(ABORT, 'file list belongs to another fonds'); END;
      CREATE TRIGGER documents_file_same_fonds_insert BEFORE INSERT ON documents
        WHEN NEW.file_id IS NOT NULL
         AND (SELECT fonds_id FROM files WHERE id = NEW.file_id) IS NOT NEW.fonds_id
        BEGIN SELECT RAISE(ABORT, 'file belongs to another fonds'); END;
      CREATE TRIGGER documents_file_same_fonds_update BEFORE UPDATE OF file_id, fonds_id ON documents
        WHEN NEW.file_id IS NOT NULL
         AND (SELECT fonds_id FROM files WHERE id = NEW.file_id) IS NOT NEW.fonds_id
        BEGIN SELECT RAISE(ABORT, 'file belongs to another fonds'); END;

      -- Folded (diacritic-free) text; rowid = documents.id. Contentless: the text lives in documents.
      CREATE VIRTUAL TABLE document_fts USING fts5(
        number_symbol, subject, body,
        content = '', contentless_delete = 1
      );
    `);
  },
};
