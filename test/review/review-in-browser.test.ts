import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReviewServer } from '../../src/review/start-review-server.js';
import { openDatabase } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { launchChromium } from './launch-chromium.js';
import { insertDocument, theme } from './review-fixture.js';

const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

const BODY = `Pasal 1 Asylum seekers need protection. The State's "duty" <script>window.__pwned = 1</script> of non-refoulement binds all.

Refugees under the Refugee Convention must not be returned to danger. Trafficking of persons is a crime. Migrant workers deserve fair wages.

An attribute-breaking quote " onmouseover="window.__pwned=3" x=" and <img src=x onerror="window.__pwned=2"> stays text.`;

describe('the review app in a real browser (Debian Chromium, headless)', () => {
  const dir = tempDir('review-browser-');
  const database = path.join(dir, 'store.sqlite');
  let server: Awaited<ReturnType<typeof startReviewServer>>;
  let browser: BrowserContext;
  let page: Page;
  let documentId: string;
  const dialogs: string[] = [];
  const statusOf = (n: number) => page.locator(`#queue .item:nth-child(${n}) .status`);
  const text = async (locator: ReturnType<Page['locator']>) => (await locator.allTextContents()).join('');
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

  beforeAll(async () => {
    const db = openDatabase(database);
    documentId = insertDocument(db, {
      file: '/corpus/hostile.txt', title: 'Hostile "title" <script>window.__pwned=4</script>', body: BODY,
      notes: [{ number: 1, text: 'UNHCR, Note on Non-Refoulement (1977).', markerAfter: 'need protection.' }],
      provisions: [{ label: 'Pasal 1', at: 'Pasal 1' }],
      annotations: [
        theme('Pasal 1 Asylum seekers need protection.', 'asylum'),
        theme(`The State's "duty" <script>window.__pwned = 1</script> of non-refoulement binds all.`, 'asylum'),
        theme('Refugees under the Refugee Convention must not be returned to danger.', 'asylum'),
        theme('Trafficking of persons is a crime.', 'trafficking'),
        { kind: 'instrument-mention', surface: 'Refugee Convention', rule: 'alias', data: { instrumentId: 'refugee-convention', instrumentName: '1951 Refugee Convention', instrumentKind: 'treaty', surface: 'Refugee Convention', provision: null, resolution: 'alias', inReference: false } },
      ],
    }).documentId;
    insertDocument(db, { file: '/corpus/report.txt', title: 'Trafficking report', body: 'Trafficking networks exploit migrants. Border controls are weak.', annotations: [theme('Trafficking networks exploit migrants.', 'trafficking')] });
    insertDocument(db, { file: '/corpus/broken.pdf', title: 'broken', body: '', status: 'failed', error: 'the PDF is password-protected' });
    db.close();
    mkdirSync(screenshots, { recursive: true });
    server = await startReviewServer({ db: database, port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the overview with documents, failures and the heatmap, and nothing in the text executes', async () => {
    await page.goto(server.url);
    await expect.poll(() => text(page.locator('#documents'))).toContain('Hostile "title" <script>window.__pwned=4</script>');
    await expect.poll(() => text(page.locator('#failures'))).toContain('the PDF is password-protected');
    expect(await page.locator('#heatmap td.heat').count()).toBe(4);
    expect(await pwned()).toBeNull();
  });

  it('keeps the reviewer name chosen once per browser', async () => {
    await page.fill('#reviewer-name', 'ana');
    await page.click('#reviewer-form button[type=submit]');
    await page.waitForLoadState('load');
    await page.goto(server.url);
    expect(await page.inputValue('#reviewer-name')).toBe('ana');
    expect(await page.locator('#name-needed').count()).toBe(0);
  });

  it('opens a document: text escaped, provisions in the margin, footnote reachable from its marker and back', async () => {
    await page.click(`a[href="/doc/${documentId}"]`);
    await page.waitForSelector('#reader');
    await expect.poll(() => text(page.locator('#text'))).toContain(`"duty" <script>window.__pwned = 1</script> of non-refoulement`);
    await expect.poll(() => text(page.locator('#text'))).toContain('" onmouseover="window.__pwned=3" x="');
    await page.hover('#text >> text=stays text');
    expect(await pwned()).toBeNull();
    await expect.poll(() => text(page.locator('.provision'))).toBe('Pasal 1');
    await page.click('a.marker');
    expect(new URL(page.url()).hash).toBe('#fn-0');
    expect(await page.locator('#fn-0').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await page.click('#fn-0 a.note-back');
    expect(new URL(page.url()).hash).toBe('#m-0');
    await page.click('#text .k-instrument');
    await expect.poll(() => text(page.locator('#details'))).toContain('instrument: 1951 Refugee Convention');
    await page.screenshot({ path: path.join(screenshots, 'reader.png') });
  });

  it('accepts and rejects by keyboard in the queue, undoes, and keeps the decisions across a reload', async () => {
    await page.goto(new URL('/queue?theme=asylum', server.url).href);
    await expect.poll(() => page.locator('#queue .item').count()).toBe(3);
    await page.keyboard.press('a');
    await expect.poll(() => text(statusOf(1))).toBe('accepted');
    await page.keyboard.press('r');
    await expect.poll(() => text(statusOf(2))).toBe('rejected');
    await page.keyboard.press('k');
    await page.keyboard.press('u');
    await expect.poll(() => text(statusOf(2))).toBe('pending');
    await page.keyboard.press('r');
    await expect.poll(() => text(statusOf(2))).toBe('rejected');
    await page.keyboard.press('a');
    await expect.poll(() => text(statusOf(3))).toBe('accepted');
    await page.screenshot({ path: path.join(screenshots, 'queue.png') });
    await page.reload();
    expect(await page.locator('#queue .item .status').allTextContents()).toEqual(['accepted', 'rejected', 'accepted']);
    expect(dialogs).toEqual([]);
  });

  it('searches with FTS and links into the reader', async () => {
    await page.goto(new URL('/search', server.url).href);
    await page.fill('#search-q', 'refoulement');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('#hits li');
    await expect.poll(() => page.locator('#hits li').count()).toBe(1);
    await expect.poll(() => text(page.locator('#hits mark'))).toBe('refoulement');
    await page.click('#hits li a');
    await page.waitForSelector('#reader');
    expect(new URL(page.url()).hash).toBe('#at');
  });

  it('shows agreement once a second reviewer has coded, and the disagreement in the merge view', async () => {
    await page.fill('#reviewer-name', 'budi');
    await page.click('#reviewer-form button[type=submit]');
    await page.waitForLoadState('load');
    await page.goto(new URL('/queue?theme=asylum', server.url).href);
    for (const n of [1, 2, 3]) {
      await page.keyboard.press('a');
      await expect.poll(() => text(statusOf(n))).toBe('accepted');
    }
    // ana: yes, no, yes; budi: yes, yes, yes; the three other sentences nobody coded.
    await page.goto(new URL('/agreement?level=sentence&uncoded=include', server.url).href);
    await expect.poll(() => text(page.locator('#agreement-shown'))).toContain('included');
    const asylum = page.locator('#agreement tr[data-theme="asylum"]');
    await expect.poll(() => text(asylum.locator('.kappa'))).toBe('0.667');
    await expect.poll(() => text(asylum.locator('.alpha'))).toBe('0.686');
    await page.goto(new URL('/agreement', server.url).href);
    await expect.poll(() => text(page.locator('#agreement-shown'))).toContain('excluded');
    await expect.poll(() => text(page.locator('#agreement tr[data-theme="asylum"] .kappa'))).toBe('0.000');
    await page.goto(new URL('/merge', server.url).href);
    await expect.poll(() => page.locator('#merge tbody tr').count()).toBe(1);
    await expect.poll(() => text(page.locator('#merge tbody tr'))).toContain('rejected');
  });
});
