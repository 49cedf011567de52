// The board benchmark (run by `cargo xtask bench-board` against a release
// server holding a board made by `server big-board`): how long a member
// waits from navigation until the board is interactive (hydrated), what
// the page transfers, and how long a move by one member takes to show on
// another member's board.
//
// Usage: node bench/board.mjs ORIGIN BOARD_JSON [LOADS] [MOVES]
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const [origin, file, loadsArg = '6', movesArg = '40'] = process.argv.slice(2);
const made = JSON.parse(readFileSync(file, 'utf8'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function member(i) {
  const context = await browser.newContext();
  const at = made.cookies[i].indexOf('=');
  await context.addCookies([{ name: made.cookies[i].slice(0, at), value: made.cookies[i].slice(at + 1), url: origin }]);
  return context.newPage();
}

const percentile = (values, p) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

// Loads: the first with an empty cache, the rest with the browser's cache.
const a = await member(0);
const loads = [];
let sizes;
for (let i = 0; i < Number(loadsArg); i++) {
  await a.goto(origin + made.path, { waitUntil: 'commit' });
  await a.locator('body[data-hydrated="true"]').waitFor({ timeout: 60000 });
  await a.locator('.board .card').first().waitFor();
  const measured = await a.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const sum = (key) => resources.reduce((n, r) => n + (r[key] || 0), 0);
    return {
      interactiveMs: performance.now(),
      htmlTransfer: nav.transferSize,
      htmlDecoded: nav.decodedBodySize,
      otherTransfer: sum('transferSize'),
      otherDecoded: sum('decodedBodySize'),
      cardsShown: document.querySelectorAll('.board .card').length,
    };
  });
  if (i === 0) sizes = measured;
  loads.push(measured.interactiveMs);
}
const data = await a.evaluate(async (id) => {
  const r = await fetch('/api/boards/get', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ id: String(id) }),
  });
  return (await r.text()).length;
}, made.board_id);

// Moves: member A moves one card back and forth between the first two
// columns over HTTP; member B's open board records when it arrives.
const b = await member(1);
await b.goto(origin + made.path);
await b.locator('body[data-hydrated="true"]').waitFor({ timeout: 60000 });
await b.locator('.live-status[data-state="connected"]').waitFor();
const setup = await b.evaluate(() => {
  const lists = [...document.querySelectorAll('[data-column-list]')].map((l) => l.getAttribute('data-column-list'));
  const card = document.querySelector(`[data-column-list="${lists[0]}"] > [data-card]`);
  const id = card.getAttribute('data-card');
  window.__arrivals = [];
  window.__where = lists[0];
  new MutationObserver(() => {
    const where = document.querySelector(`[data-card="${id}"]`)?.closest('[data-column-list]')?.getAttribute('data-column-list');
    if (where && where !== window.__where) {
      window.__where = where;
      window.__arrivals.push(Date.now());
    }
  }).observe(document.querySelector('.board'), { childList: true, subtree: true });
  return { id, version: card.getAttribute('data-version'), columns: lists.slice(0, 2) };
});
let version = setup.version;
const latencies = [];
for (let i = 0; i < Number(movesArg); i++) {
  const column = setup.columns[(i + 1) % 2];
  const sent = await a.evaluate(async ({ id, column, version }) => {
    const at = Date.now();
    const r = await fetch('/api/boards/card/move', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ card_id: id, column_id: column, position: '1', version }),
    });
    const answer = await r.json();
    return { at, status: r.status, version: String(answer.card?.version ?? version) };
  }, { id: setup.id, column, version });
  if (sent.status !== 200) throw new Error(`move ${i} answered ${sent.status}`);
  version = sent.version;
  await b.waitForFunction((n) => window.__arrivals.length >= n, i + 1, { timeout: 10000, polling: 'raf' });
  const arrived = await b.evaluate((n) => window.__arrivals[n], i);
  latencies.push(arrived - sent.at);
}
await browser.close();

const result = {
  cards: made.cards,
  cardsShown: sizes.cardsShown,
  firstLoadInteractiveMs: Math.round(loads[0]),
  cachedLoadInteractiveMsMedian: Math.round(percentile(loads.slice(1), 50)),
  cachedLoadInteractiveMsMax: Math.round(Math.max(...loads.slice(1))),
  htmlTransferBytes: sizes.htmlTransfer,
  htmlDecodedBytes: sizes.htmlDecoded,
  otherTransferBytes: sizes.otherTransfer,
  boardJsonBytes: data,
  moveSeenMsP50: percentile(latencies, 50),
  moveSeenMsP95: percentile(latencies, 95),
  moveSeenMsMax: Math.max(...latencies),
  moves: latencies.length,
};
console.log(JSON.stringify(result, null, 2));
