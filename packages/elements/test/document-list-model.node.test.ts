// The viewer's list grown page by page, a chunk at a time, against the whole list sorted,
// filtered and grouped at once, on documents from the mock's generated dataset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDataset } from '@dsp-kit/mock';
import type { DocumentReference } from '@medplum/fhirtypes';
import {
  filterDocuments,
  groupItems,
  prepare,
  sortDocuments,
  type ListItem,
  type PreparedDocument,
  type SortOrder,
  type ViewerFilters,
  type ViewMode,
} from '../src/document-viewer/document-list.js';
import {
  DocumentListModel,
  GROWTH_CHUNK,
  GROWTH_SLICE_MS,
  type ListView,
} from '../src/document-viewer/document-list-model.js';

const generated = generateDataset({ seed: 9, patients: 2, documents: 12_000 }).filter(
  (r): r is DocumentReference => r.resourceType === 'DocumentReference',
);
// Newest first, as the server answers, then a few dated in between (late uploads).
const serverOrder = [...generated].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1));

/** What the list shows for all of `documents` at once: the pure functions, one after another. */
function whole(documents: readonly PreparedDocument[], view: ListView): ListItem[] {
  const sorted = sortDocuments([...documents], view.sort);
  return groupItems(filterDocuments(sorted, view.filters), view.view, view.sort, view.collapsed);
}

const shape = (items: readonly ListItem[]) =>
  items.map((item) => (item.kind === 'group' ? `${item.key}:${item.count}` : item.prepared.id));

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Runs the updates the model asks for, after its yields, until it asks for none. */
async function drain(pending: { more: number }, update: () => void) {
  await tick();
  while (pending.more > 0) {
    pending.more--;
    update();
    await tick();
  }
}

describe('the viewer’s list as it grows', () => {
  const views: { sort: SortOrder; view: ViewMode; filters: ViewerFilters }[] = [
    { sort: '-date', view: 'timeline', filters: {} },
    { sort: 'date', view: 'timeline', filters: {} },
    { sort: 'type', view: 'types', filters: {} },
    { sort: '-date', view: 'classes', filters: { q: 'echo' } },
    { sort: '-date', view: 'timeline', filters: { from: '2020-01-01', to: '2022-12-31' } },
  ];

  for (const { sort, view, filters } of views) {
    it(`shows what the whole list shows, page by page (${sort}, ${view}, ${JSON.stringify(filters)})`, async () => {
      const all = serverOrder.map((d, i) => prepare(d, i));
      const listView: ListView = { sort, view, filters, collapsed: new Set() };
      const pending = { more: 0 };
      const model = new DocumentListModel(() => {
        pending.more++;
      });
      // Pages of 100 published in uneven batches, as PagedSearch publishes them.
      let shown = all.slice(0, 100);
      model.update(shown, listView);
      for (const batch of [300, 4_000, 7_600]) {
        shown = shown.concat(all.slice(shown.length, shown.length + batch));
        model.update(shown, listView);
        await drain(pending, () => model.update(shown, listView));
      }
      assert.equal(shown.length, all.length);
      assert.deepEqual(shape(model.items), shape(whole(all, listView)));
    });
  }

  it('adds chunks while its time slice lasts and yields before the rest', async () => {
    const all = serverOrder.map((d, i) => prepare(d, i));
    const view: ListView = { sort: '-date', view: 'timeline', filters: {}, collapsed: new Set() };
    const pending = { more: 0 };
    // A clock that moves 5 ms each time it is read: the slice ends after two chunks.
    let now = 0;
    const model = new DocumentListModel(
      () => {
        pending.more++;
      },
      () => (now += 5),
    );
    model.update(all.slice(0, 100), view);
    model.update(all, view);
    assert.ok(GROWTH_SLICE_MS > 5 && GROWTH_SLICE_MS <= 10);
    assert.equal(model.shownCount, 100 + 2 * GROWTH_CHUNK);
    assert.equal(pending.more, 0, 'the rest waits for a task of its own');
    await tick();
    assert.equal(pending.more, 1);
    await drain(pending, () => model.update(all, view));
    assert.equal(model.shownCount, all.length);
    assert.deepEqual(shape(model.items), shape(whole(all, view)));
  });

  it('keeps the groups already listed when pages add after them', () => {
    const all = serverOrder.map((d, i) => prepare(d, i));
    const view: ListView = { sort: '-date', view: 'timeline', filters: {}, collapsed: new Set() };
    const model = new DocumentListModel(() => undefined);
    model.update(all.slice(0, 2_000), view);
    const before = model.items;
    model.update(all.slice(0, 2_500), view);
    assert.notEqual(model.items, before, 'a new array, so the list redraws');
    // Every header but the last is the same object: nothing before the last group was regrouped.
    const headers = before.filter((item) => item.kind === 'group');
    for (const header of headers.slice(0, -1)) assert.ok(model.items.includes(header));
    assert.deepEqual(shape(model.items), shape(whole(all.slice(0, 2_500), view)));
  });

  // Pages that do not follow the list's order: a late upload dated in an earlier month, undated
  // documents, a list sorted oldest first while the server sends newest first. Each must land
  // in its group, as if the whole list had been grouped at once.
  const undated = generated.slice(0, 40).map((d, i): DocumentReference => ({
    ...d,
    id: `undated-${i}`,
    date: undefined,
    context: undefined,
    content: d.content.map((c) => ({ attachment: { ...c.attachment, creation: undefined } })),
  }));
  const disordered = [
    ...serverOrder.slice(0, 3_000),
    ...undated.slice(0, 20),
    ...serverOrder.slice(6_000, 7_000),
    ...serverOrder.slice(3_000, 6_000),
    ...undated.slice(20),
    ...serverOrder.slice(7_000),
  ];
  for (const { sort, view } of [
    { sort: '-date', view: 'timeline' },
    { sort: 'date', view: 'timeline' },
    { sort: 'type', view: 'types' },
    { sort: '-date', view: 'types' },
    { sort: '-date', view: 'classes' },
  ] as const) {
    it(`groups pages out of the list’s order as the whole list (${sort}, ${view})`, async () => {
      const all = disordered.map((d, i) => prepare(d, i));
      const listView: ListView = { sort, view, filters: {}, collapsed: new Set(['unknown']) };
      const pending = { more: 0 };
      const model = new DocumentListModel(() => {
        pending.more++;
      });
      let shown: PreparedDocument[] = [];
      for (let at = 0; at < all.length; at += 100) {
        shown = shown.concat(all.slice(at, at + 100));
        model.update(shown, listView);
        if (at % 1_000 === 0) {
          await drain(pending, () => model.update(shown, listView));
          assert.deepEqual(shape(model.items), shape(whole(shown, listView)), `at ${shown.length}`);
        }
      }
      await drain(pending, () => model.update(shown, listView));
      assert.deepEqual(shape(model.items), shape(whole(all, listView)));
    });
  }

  it('shows a filter change at once, over all it has taken', () => {
    const all = serverOrder.map((d, i) => prepare(d, i));
    const model = new DocumentListModel(() => undefined);
    const view: ListView = { sort: '-date', view: 'timeline', filters: {}, collapsed: new Set() };
    model.update(all, view);
    const filtered: ListView = { ...view, filters: { types: ['resume-patient'] } };
    assert.equal(model.update(all, filtered), true);
    assert.deepEqual(shape(model.items), shape(whole(all, filtered)));
    assert.equal(model.update(all, { ...filtered, filters: { types: ['resume-patient'] } }), false);
  });
});
