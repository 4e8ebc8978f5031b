import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '../../src/export/export-report.js';
import { createExportContext } from '../../src/export/export-context.js';
import { tempDir } from '../helpers/temp-dir.js';
import { buildFixture, type Fixture } from './export-fixture.js';

const CHROMIUM = [process.env.TELAAH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
const SCREENSHOT = path.join(__dirname, 'screenshots', 'report.png');

describe('HTML report (--format report)', () => {
  const dir = tempDir('export-report-');
  let fixture: Fixture;
  let file: string;
  let html: string;

  beforeAll(async () => {
    fixture = await buildFixture(dir);
    file = exportReport(fixture.db, path.join(dir, 'out'), { now: new Date('2026-01-02T03:04:00Z') }).file;
    html = readFileSync(file, 'utf8');
  }, 60_000);
  afterAll(() => fixture?.db.close());

  it('is one self-contained file: no script, no external resource', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)\s*=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('states the pipeline and codebook versions in the methods paragraph', () => {
    const context = createExportContext(fixture.db);
    const run = context.latestRun()!;
    const methods = html.slice(html.indexOf('<h2 id="methods">'));
    expect(methods).toContain(`pipeline version ${run.pipelineVersion}`);
    expect(methods).toContain(`codebook migration-law-v1 (version ${context.codebook!.version}, 15 themes)`);
    expect(methods).toMatch(/Krippendorff's alpha/);
  });

  it('opens in Chromium offline, shows every section, and is saved as a screenshot', async () => {
    const executablePath = CHROMIUM.find((c) => existsSync(c));
    if (!executablePath) throw new Error(`no Chromium found (looked for ${CHROMIUM.join(', ')}): apt-get install chromium, or set TELAAH_CHROMIUM`);
    const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'telaah-report-')), {
      executablePath, headless: true, viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (!url.startsWith('file:')) requests.push(url);
        return url.startsWith('file:') ? route.continue() : route.abort();
      });
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
      await page.goto(pathToFileURL(file).href);
      const headings = await page.locator('h2').allTextContents();
      expect(headings).toEqual(['Corpus', 'Top instruments', 'Themes by document', 'Theme co-occurrence', 'Most cited works', 'Flagged ratification claims', 'Methods']);
      expect(await page.locator('#instruments ~ table tbody tr').first().textContent()).toContain('Convention Relating to the Status of Refugees');
      // One heatmap row per processed document, one column per codebook theme.
      const heatRows = page.locator('table.heat').first().locator('tbody tr');
      expect(await heatRows.count()).toBe(2);
      expect(await page.locator('table.heat').first().locator('thead th').count()).toBe(1 + 15);
      expect(await page.getByText('When Law Migrates', { exact: false }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(requests).toEqual([]);
      expect(dialogs).toBe(0);
    } finally {
      await browser.close();
    }
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
