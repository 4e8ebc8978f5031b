/**
 * `telaah export --format qdpx`: writes `telaah.qdpx`, a REFI-QDA project (a ZIP holding `project.qde`
 * and `sources/<guid>.txt`) that NVivo, ATLAS.ti, MAXQDA and QualCoder import. See build-qdpx.ts for
 * what goes in and how positions are counted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/open-store.js';
import { buildQdpx } from './build-qdpx.js';
import { createExportContext, type ExportOptions } from './export-context.js';
import { buildZip } from './write-zip.js';

export function exportQdpx(db: Db, outDir: string, options: ExportOptions = {}): { file: string; sources: number; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const project = buildQdpx(createExportContext(db, options));
  const zip = buildZip([
    { name: 'project.qde', data: Buffer.from(project.projectXml, 'utf8') },
    ...project.sources.map((s) => ({ name: s.path, data: Buffer.from(s.text, 'utf8') })),
  ]);
  const file = path.join(outDir, 'telaah.qdpx');
  writeFileSync(file, zip);
  return { file, sources: project.sources.length, bytes: zip.length };
}
