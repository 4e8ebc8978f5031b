/**
 * `telaah export --format qdpx`: writes `telaah.qdpx`, a REFI-QDA project (a ZIP holding `project.qde`
 * and `sources/<guid>.txt`) that NVivo, ATLAS.ti, MAXQDA and QualCoder import. See build-qdpx.ts for
 * what goes in and how positions are counted.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/open-store.js';
import { buildQdpxParts } from './build-qdpx.js';
import { createExportContext, type ExportOptions } from './export-context.js';
import { writeZip } from './write-zip.js';

export function exportQdpx(db: Db, outDir: string, options: ExportOptions = {}): { file: string; sources: number; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const project = buildQdpxParts(createExportContext(db, options));
  // project.qde goes into the ZIP piece by piece (the newlines between pieces included), never as one string.
  const last = project.projectParts.length - 1;
  const file = path.join(outDir, 'telaah.qdpx');
  const bytes = writeZip(file, [
    { name: 'project.qde', chunks: project.projectParts.map((part, i) => Buffer.from(i < last ? `${part}\n` : part, 'utf8')) },
    ...project.sources.map((s) => ({ name: s.path, chunks: [Buffer.from(s.text, 'utf8')] })),
  ]);
  return { file, sources: project.sources.length, bytes };
}
