import { describe, expect, it } from 'vitest';
import { pagesBackward, pagesForward, splitWindow } from '../../../src/platform/taobao/paging.js';
import { DAY, HOUR, parseInstant } from '../../../src/shared/time.js';
import { collect } from './top-gateway.js';

describe('splitWindow', () => {
  const start = parseInstant('2026-11-20T00:00:00+08:00');
  it('when the window is longer than a day, then it is cut into consecutive day-long pieces', () => {
    expect(splitWindow({ start, end: start + 2 * DAY + 6 * HOUR })).toEqual([
      { start, end: start + DAY },
      { start: start + DAY, end: start + 2 * DAY },
      { start: start + 2 * DAY, end: start + 2 * DAY + 6 * HOUR },
    ]);
  });
  it('when the window is a day or less, then it stays whole; when empty, then nothing', () => {
    expect(splitWindow({ start, end: start + DAY })).toEqual([{ start, end: start + DAY }]);
    expect(splitWindow({ start, end: start })).toEqual([]);
  });
});

describe('pagesBackward', () => {
  it('when there are 5 pages and 2 may be in flight, then page 1 comes first, then 5 down to 2, then 1 again, never more than 2 at once', async () => {
    const asked: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const pages = pagesBackward(
      async (n) => {
        asked.push(n);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return { items: [`p${n}`], totalResults: 9 };
      },
      2,
      2,
    );
    expect((await collect(pages)).flat()).toEqual(['p1', 'p5', 'p4', 'p3', 'p2', 'p1']);
    expect(asked).toEqual([1, 5, 4, 3, 2, 1]);
    expect(maxInFlight).toBe(2);
  });

  it.each([
    ['a row of page 1 leaves the window after page 1 was read', 0, 1],
    ['a row of the last page leaves the window after page 1 was read', 0, 6],
    ['a row of page 2 leaves the window while the last pages are read', 2, 4],
  ])('when %s, then every row still in the window is seen', async (_what, afterCalls, index) => {
    const rows = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1'];
    let calls = 0;
    const pages = pagesBackward(
      async (n) => {
        const page = { items: rows.slice((n - 1) * 3, n * 3), totalResults: rows.length };
        if (++calls === afterCalls + 1) rows.splice(index, 1); // modified out of the window
        return page;
      },
      3,
      1,
    );
    const seen = new Set((await collect(pages)).flat());
    expect(rows.filter((r) => !seen.has(r))).toEqual([]);
  });

  it('when everything fits on page 1, then page 1 is read once', async () => {
    const asked: number[] = [];
    await collect(
      pagesBackward(
        async (n) => {
          asked.push(n);
          return { items: ['x'], totalResults: 1 };
        },
        100,
        4,
      ),
    );
    expect(asked).toEqual([1]);
  });

  it('when a page fails, then the error surfaces and no rejection is left unhandled', async () => {
    const pages = pagesBackward(
      async (n) => {
        if (n === 3) throw new Error('page 3 broke');
        return { items: [n], totalResults: 4 };
      },
      1,
      4,
    );
    await expect(collect(pages)).rejects.toThrow('page 3 broke');
  });
});

describe('pagesForward', () => {
  it('when has_next turns false, then it stops after that page', async () => {
    const asked: number[] = [];
    const pages = pagesForward(async (n) => {
      asked.push(n);
      return { items: [n], hasNext: n < 3 };
    });
    expect(await collect(pages)).toEqual([[1], [2], [3]]);
    expect(asked).toEqual([1, 2, 3]);
  });
});
