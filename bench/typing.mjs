// 3. Typing cost: keystroke to next paint in our code field (as the flow elements render it, with
// per-digit boxes, and as one input without them) against a plain <input> on the same page, keys sent by Chromium's input
// pipeline (CDP) one at a time. Two measures per keystroke:
//   - rAF: from the keydown's timeStamp to a message posted from the next animation frame, which
//     runs once that frame is presented (keystroke to paint, every keystroke);
//   - Event Timing: PerformanceObserver 'event' entries (durationThreshold 16 ms, the API's
//     minimum); the browser reports only the keystrokes that took 16 ms or more to paint.
import { KEYSTROKES } from './config.mjs';
import { isolatedPage, launchChromium, startStaticServer } from './lib/browser.mjs';
import { summary } from './lib/stats.mjs';

const FIELDS = [
  { id: 'plain', name: 'plain <input>', selector: '#plain' },
  {
    id: 'code-field',
    name: '<otp-code-field boxes> (as the elements render it: per-digit boxes)',
    selector: '#code',
  },
  {
    // The active box's caret blinks (a CSS animation): the page then paints on every frame, and a
    // keystroke waits for the next one. Without the animation, the cost of the code alone.
    id: 'code-field-still',
    name: '<otp-code-field boxes>, reduced motion (the caret does not blink)',
    selector: '#code',
    motion: 'reduce',
  },
  {
    id: 'code-field-plain',
    name: '<otp-code-field> (one input, no boxes: no-code-boxes)',
    selector: '#single',
  },
];

const PAGE = (script) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>typing</title>
<style>body { margin: 0; padding: 24px; width: 420px; font-family: system-ui, sans-serif; }</style>
<script type="module" src="${script}"></script>
<script>
  window.__typing = { keys: [], events: [] };
  addEventListener('keydown', (event) => {
    const record = { at: event.timeStamp };
    window.__typing.keys.push(record);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { record.paint = performance.now() - record.at; };
      channel.port2.postMessage(0);
    });
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'keydown' || entry.name === 'keyup' || entry.name === 'keypress' || entry.name === 'input') {
        window.__typing.events.push({ name: entry.name, duration: entry.duration, interactionId: entry.interactionId });
      }
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
</script>
</head>
<body>
<label>plain <input id="plain" inputmode="numeric" autocomplete="one-time-code"></label>
<otp-code-field id="code" label="Code" boxes></otp-code-field>
<otp-code-field id="single" label="Code"></otp-code-field>
</body>
</html>`;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeInto(page, field) {
  await page.emulateMedia({ reducedMotion: field.motion ?? 'no-preference' });
  const target = page.locator(field.selector);
  await target.click();
  await page.evaluate(() => {
    window.__typing.keys = [];
    window.__typing.events = [];
  });
  let typed = 0;
  while (typed < KEYSTROKES) {
    for (let digit = 0; digit < 6 && typed < KEYSTROKES; digit++, typed++) {
      await page.keyboard.press(String((typed * 7) % 10));
      await pause(60);
    }
    // Start over (not measured): clear the field the way its own API does.
    await page.evaluate((selector) => {
      const element = document.querySelector(selector);
      if (element.clear) element.clear();
      else element.value = '';
      element.focus();
    }, field.selector);
    await pause(60);
    await page
      .evaluate(() => window.__typing.keys.length)
      .then((count) => {
        if (count !== typed) throw new Error(`typing: ${count} keydowns seen for ${typed} keys`);
      });
  }
  await pause(200);
  return page.evaluate(() => window.__typing);
}

export async function measureTyping(scriptUrlPath) {
  const server = await startStaticServer(new Map([['/typing.html', PAGE(scriptUrlPath)]]));
  const browser = await launchChromium();
  try {
    const { page, errors } = await isolatedPage(browser, server.origin);
    await page.goto(`${server.origin}/typing.html`);
    await page.waitForFunction(() => customElements.get('otp-code-field') !== undefined);
    const boxes = await page.evaluate(() =>
      ['#code', '#single'].map(
        (id) => !!document.querySelector(id).shadowRoot?.querySelector('[part~=boxes]'),
      ),
    );
    if (boxes.join() !== 'true,false') throw new Error(`typing: boxes shown ${boxes}`);
    const rows = [];
    // Two rounds, fields interleaved, so drift on a shared machine hits all of them alike.
    const collected = new Map(
      FIELDS.map((f) => [f.id, { paint: [], slow: [], keys: 0, values: [] }]),
    );
    for (let round = 0; round < 2; round++) {
      for (const field of FIELDS) {
        const result = await typeInto(page, field);
        const bucket = collected.get(field.id);
        bucket.keys += result.keys.length;
        bucket.paint.push(...result.keys.map((k) => k.paint).filter((v) => v !== undefined));
        const byInteraction = new Map();
        for (const e of result.events) {
          if (!e.interactionId) continue;
          byInteraction.set(
            e.interactionId,
            Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration),
          );
        }
        bucket.slow.push(...byInteraction.values());
      }
    }
    for (const field of FIELDS) {
      const bucket = collected.get(field.id);
      rows.push({
        ...field,
        keys: bucket.keys,
        paint: summary(bucket.paint),
        slow: { count: bucket.slow.length, ...summary(bucket.slow) },
      });
    }
    if (errors.length) throw new Error(`typing page errors: ${errors.join('; ')}`);
    return { keystrokes: KEYSTROKES * 2, rows };
  } finally {
    await browser.close();
    server.close();
  }
}
