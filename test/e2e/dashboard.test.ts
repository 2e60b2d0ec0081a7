// The operator's day in a real browser (Debian's chromium driven by playwright-core): log in,
// find a dead-lettered job with its reason in bull-board, fix the cause, retry it from the
// operator page and see the customer linked, then resync another customer from the page.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCustomers } from '../../src/simulators/generate.js';
import { listDeadLetters } from '../../src/store/dead-letters.js';
import { openReview } from '../../src/store/reviews.js';
import { waitUntil } from '../support/harness.js';
import { callApi, DASHBOARD, startWebHarness, type WebHarness } from '../integration/web/web-harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
// Generous: these only stop a broken run from hanging; nothing depends on them being short.
const LIMIT = 30_000;

let w: WebHarness | null = null;
let browser: Browser | null = null;
afterEach(async () => {
  await browser?.close();
  await w?.close();
  browser = null;
  w = null;
});

async function openPage(base: string): Promise<Page> {
  // launch() gives every run a fresh temporary profile (user-data-dir).
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ httpCredentials: { ...DASHBOARD }, baseURL: base, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(LIMIT);
  return page;
}

describe('operator surface in a browser', () => {
  it('shows a dead letter in bull-board, retries it from the operator page after the fix, and resyncs a customer', async () => {
    const data = generateCustomers({ customers: 2, overlap: 0, shipToShare: 0, seed: 31, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });
    const [failing, other] = data.infosoft as [(typeof data.infosoft)[number], (typeof data.infosoft)[number]];
    w = await startWebHarness({ worker: true, sims: { infosoftSeed: data.infosoft, windwardSeed: [] } });
    const h = w;

    // A name from hell in a review item: it must show as text, never run.
    openReview(h.harness.app.db, {
      customerNumber: 999_001,
      reason: 'close candidates <img src=x onerror="window.__pwned=1"> "Ærlig" 😀',
      candidates: [{ id: '8001', score: 2.5, evidence: { fields: [{ field: 'lastName', level: 'exact', weight: 3.75, note: "<b>O'Brien</b> 😀" }], prior: -1.25, total: 2.5, contradictions: [] } }],
    });

    // Windward's proxy answers every create with an HTML 502 page: the sync gives up.
    h.harness.sims.windward.setFaults({ script: [{ kind: 'html502', operation: 'addCustomer', times: 1000 }] });
    expect((await callApi(h, 'POST', `/api/customers/${failing.CustomerNumber}/resync`)).status).toBe(202);
    const deadLetter = await waitUntil(
      () => listDeadLetters(h.harness.app.db).find((d) => d.customerNumber === failing.CustomerNumber),
      'the customer to be dead-lettered',
      LIMIT * 2,
    );
    expect(deadLetter.reason).toMatch(/502/);

    const page = await openPage(h.base);

    // bull-board: the failed job and its reason.
    await page.goto('/admin/queues/queue/sync?status=failed');
    await page.getByText(/502/).first().waitFor();
    await page.screenshot({ path: new URL('bull-board.png', ensureArtifacts()).pathname, fullPage: true });
    // bull-board's own API calls pass the CSRF check as same-origin browser requests.
    const pause = await page.evaluate(async () => (await fetch('/admin/queues/api/queues/poll/pause', { method: 'PUT' })).status);
    expect(pause).toBe(200);
    expect(await h.harness.app.queues.poll.isPaused()).toBe(true);
    await page.evaluate(async () => (await fetch('/admin/queues/api/queues/poll/resume', { method: 'PUT' })).status);

    // The fix: Windward is healthy again.
    h.harness.sims.windward.setFaults({ script: [] });

    // Operator page: the dead letter with its reason; retry it and watch the customer get linked.
    await page.goto('/');
    const row = page.locator('[data-testid="dead-letter-table"] tr', { hasText: String(failing.CustomerNumber) });
    await expect.poll(() => row.innerText(), { timeout: LIMIT }).toMatch(/502/);
    await page.locator(`[data-testid="retry-${deadLetter.id}"]`).click();
    const links = page.locator('[data-testid="customer-links"]');
    await expect.poll(() => links.innerText().catch(() => ''), { timeout: LIMIT * 2 }).toMatch(/bill_to/);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: LIMIT }).toMatch(new RegExp(`customer ${failing.CustomerNumber}: created`));
    await expect.poll(() => page.locator('#dead-letters').innerText(), { timeout: LIMIT }).toMatch(/No open dead letters/);

    // Resync another customer from the page.
    await page.fill('#customer-number', String(other.CustomerNumber));
    await page.click('#resync-button');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: LIMIT * 2 }).toMatch(new RegExp(`customer ${other.CustomerNumber}: created`));
    await expect.poll(() => links.innerText(), { timeout: LIMIT }).toMatch(/bill_to/);
    await expect.poll(() => page.locator('[data-testid="customer-card"]').innerText()).toMatch(/created/);

    // The review item rendered as text, with the matcher's evidence, and nothing executed.
    const review = page.locator('#reviews');
    await expect.poll(() => review.innerText()).toContain('<img src=x onerror="window.__pwned=1"> "Ærlig" 😀');
    await expect.poll(() => review.innerText()).toContain("<b>O'Brien</b> 😀");
    expect(await review.innerText()).toMatch(/lastName\s+exact\s+\+3\.75/);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.screenshot({ path: new URL('dashboard.png', ensureArtifacts()).pathname, fullPage: true });
  });
});

function ensureArtifacts(): URL {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}
