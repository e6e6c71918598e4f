import { test, expect } from '@playwright/test';
test('perf', async ({ page }) => {
  await page.goto('./#/preview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preview');
  const r = await page.evaluate(async () => {
    let storageMs = 0; let storageCalls = 0;
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) { const s = performance.now(); orig.call(this, k, v); storageMs += performance.now() - s; storageCalls++; };
    const input = document.getElementById('device-model') as HTMLInputElement;
    const sync: number[] = []; const total: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      input.value = 'Surface ' + i;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      sync.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 0));
      total.push(performance.now() - start);
    }
    sync.sort((a, b) => a - b); total.sort((a, b) => a - b);
    return { sync: sync[15], total: total[15], totalMax: total[29], storageMs: storageMs / storageCalls, storageCalls };
  });
  console.log(JSON.stringify(r));
});
