/**
 * The schema, as numbered migrations applied in order inside one transaction each. A database made by
 * an older version upgrades in place; never edit a migration that has shipped, add the next number.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'core',
    sql: `
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',
        telaah_version TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        config_json TEXT NOT NULL,
        annotators_json TEXT NOT NULL,
        documents_ok INTEGER NOT NULL DEFAULT 0,
        documents_flagged INTEGER NOT NULL DEFAULT 0,
        documents_failed INTEGER NOT NULL DEFAULT 0,
        documents_skipped INTEGER NOT NULL DEFAULT 0,
        documents_missing INTEGER NOT NULL DEFAULT 0,
        pages INTEGER NOT NULL DEFAULT 0,
        seconds REAL
      );

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE,
        file TEXT NOT NULL UNIQUE,
        sha256 TEXT,
        bytes INTEGER,
        mtime_ms REAL,
        format TEXT,
        title TEXT,
        language TEXT,
        pages INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('ok', 'flagged', 'failed', 'missing')),
        error TEXT,
        extraction_version TEXT,
        pipeline_version TEXT,
        run_id INTEGER REFERENCES runs(id),
        updated_at TEXT NOT NULL
      );
      CREATE INDEX documents_status ON documents(status);

      -- The normalized text and the map back to the extracted source, for re-annotation and review.
      CREATE TABLE document_texts (
        document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        notes_start INTEGER NOT NULL,
        source_map TEXT NOT NULL,
        layout_paragraphs TEXT NOT NULL
      );

      CREATE TABLE pages (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        label TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        header TEXT NOT NULL DEFAULT '[]',
        footer TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (document, number)
      ) WITHOUT ROWID;

      CREATE TABLE footnotes (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        page INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
      );
      CREATE INDEX footnotes_document ON footnotes(document);

      CREATE TABLE markers (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        page INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        source_start INTEGER NOT NULL,
        source_end INTEGER NOT NULL,
        linked INTEGER NOT NULL
      );
      CREATE INDEX markers_document ON markers(document);

      CREATE TABLE provisions (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
      );
      CREATE INDEX provisions_document ON provisions(document);

      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'sentence')),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        page INTEGER NOT NULL,
        language TEXT NOT NULL,
        in_footnote INTEGER NOT NULL,
        paragraph INTEGER
      );
      CREATE INDEX segments_document ON segments(document, kind, idx);

      -- Sentences, full-text indexed; rowid = segments.id.
      CREATE VIRTUAL TABLE segments_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

      CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        page INTEGER NOT NULL,
        source TEXT NOT NULL,
        version TEXT NOT NULL,
        rule TEXT NOT NULL,
        in_footnote INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX annotations_document ON annotations(document, kind);
      CREATE INDEX annotations_kind ON annotations(kind);

      -- Every structured message a run raised, fatal ones included (the reason a document failed).
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES runs(id),
        document INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        stage TEXT NOT NULL,
        source TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        reason TEXT NOT NULL,
        page INTEGER,
        start INTEGER,
        "end" INTEGER
      );
      CREATE INDEX messages_document ON messages(document);
    `,
  },
  {
    version: 2,
    name: 'registry, works and review',
    sql: `
      -- Instruments known to the run: the registry's entries and statutes discovered by citation.
      CREATE TABLE instruments (
        id TEXT PRIMARY KEY,
        name_en TEXT,
        name_id TEXT,
        kind TEXT NOT NULL,
        year INTEGER,
        indonesia_status TEXT,
        ratified_by TEXT,
        source TEXT,
        from_registry INTEGER NOT NULL DEFAULT 1
      );

      -- Works cited across the corpus: references grouped by DOI or by author, year and title.
      CREATE TABLE works (
        work_id TEXT PRIMARY KEY,
        authors TEXT NOT NULL DEFAULT '[]',
        year TEXT,
        title TEXT,
        container TEXT,
        doi TEXT,
        cited_by_documents INTEGER NOT NULL DEFAULT 0,
        citations INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE work_references (
        annotation INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
        work_id TEXT NOT NULL
      );
      CREATE INDEX work_references_work ON work_references(work_id);

      -- Review decisions, append-only. A decision targets a machine (or manual) annotation by stable
      -- identifiers that survive re-runs: the document's content hash, the span and the key (theme or
      -- instrument id). The current status of a target is derived from its latest decisions; undo is a
      -- new record. A decision whose target no longer exists is kept (shown as orphaned).
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        target_kind TEXT NOT NULL,
        document_sha256 TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        target_key TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'recode', 'memo', 'manual', 'undo')),
        previous_status TEXT,
        new_status TEXT,
        new_key TEXT,
        memo TEXT,
        undoes INTEGER REFERENCES decisions(id),
        blind INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE INDEX decisions_target ON decisions(document_sha256, target_kind, start, "end", target_key);
      CREATE INDEX decisions_reviewer ON decisions(reviewer);
    `,
  },
  {
    version: 3,
    name: 'review: decision surface, file and adjudication',
    sql: `
      -- What the reviewer saw (the span's text) and the file it was in, so a decision whose document changed
      -- can still be shown in full as orphaned; and whether it settles a disagreement in the merge view
      -- (adjudications decide the status but are left out of agreement figures).
      ALTER TABLE decisions ADD COLUMN surface TEXT;
      ALTER TABLE decisions ADD COLUMN document_file TEXT;
      ALTER TABLE decisions ADD COLUMN adjudication INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX decisions_file ON decisions(document_file);
    `,
  },
  {
    version: 4,
    name: 'annotation key and level columns for fast corpus tables',
    sql: `
      -- What an annotation is about (theme id, instrument id, work key) and, for theme codes, its level:
      -- kept beside the JSON so corpus-wide tables (theme × document, top instruments) read an index
      -- instead of parsing every row's JSON.
      ALTER TABLE annotations ADD COLUMN key TEXT;
      ALTER TABLE annotations ADD COLUMN level TEXT;
      UPDATE annotations SET
        key = COALESCE(json_extract(data, '$.themeId'), json_extract(data, '$.instrumentId'), json_extract(data, '$.workKey')),
        level = json_extract(data, '$.level');
      CREATE INDEX annotations_kind_key ON annotations(kind, level, in_footnote, key, document);
    `,
  },
  {
    version: 5,
    name: 'per-annotator versions of each document',
    sql: `
      -- The effective version of each annotator whose output a document holds (JSON object), so an
      -- edit to one annotator's code or knowledge re-runs only that annotator on stored documents.
      ALTER TABLE documents ADD COLUMN annotator_versions TEXT;
    `,
  },
  {
    version: 6,
    name: 'drop the annotations index that annotations_kind_key covers',
    sql: `
      -- annotations_kind_key starts with kind, so it serves every lookup by kind; the narrower index only
      -- cost a second index write for each of the hundreds of annotations a document gets.
      DROP INDEX IF EXISTS annotations_kind;
    `,
  },
  {
    version: 7,
    name: 'annotation counts per document',
    sql: `
      -- A document's annotations counted by annotator, kind, key, level and place, written with them in the
      -- same transaction: corpus tables (the theme × document matrix, annotations by kind) read these few
      -- rows per document instead of scanning millions of annotations.
      CREATE TABLE annotation_counts (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT,
        level TEXT,
        in_footnote INTEGER NOT NULL,
        n INTEGER NOT NULL
      );
      CREATE INDEX annotation_counts_document ON annotation_counts(document, source);
      CREATE INDEX annotation_counts_kind ON annotation_counts(kind, level, in_footnote, key, document, n);
      INSERT INTO annotation_counts (document, source, kind, key, level, in_footnote, n)
        SELECT document, source, kind, key, level, in_footnote, COUNT(*) FROM annotations
        GROUP BY document, source, kind, key, level, in_footnote;
    `,
  },
  {
    version: 8,
    name: 'per-annotator output digests of each document',
    sql: `
      -- A digest of each annotator's output for the document (JSON object: annotator id → digest). A re-run
      -- whose output has the same digest changed nothing: its stored rows are not read, let alone rewritten.
      ALTER TABLE documents ADD COLUMN output_digests TEXT;
    `,
  },
  {
    version: 9,
    name: 'annotations by document and annotator',
    sql: `
      -- A re-run reads, diffs and restamps one annotator's rows of a document: without this index each such
      -- statement read every annotation row of the document (about a thousand, mostly theme codes) to
      -- find a few dozen instrument mentions.
      CREATE INDEX annotations_document_source ON annotations(document, source);
    `,
  },
];
