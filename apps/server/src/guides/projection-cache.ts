import type { GuideProjection } from '@quorum/deal-model';
import type * as Y from 'yjs';

/**
 * Guide projections by document and target, kept until the document next changes: a burst of loads of one guide
 * projects (and, through the fragment memo in render-page.ts, renders) it once. Any update applied to the document
 * drops its projections synchronously, so a projection taken while the document held only stored state (inside
 * `readStored`) stays equal to what a fresh read would give. Documents are held weakly: an unloaded room's
 * projections go with it.
 */
export class ProjectionCache {
  readonly #byDoc = new WeakMap<Y.Doc, Map<string, GuideProjection | null>>();

  /** The projection of `doc` for `target` (e.g. `objections`, `stakeholder:<id>`), made by `project` on a miss. */
  get(doc: Y.Doc, target: string, project: () => GuideProjection | null): GuideProjection | null {
    let projections = this.#byDoc.get(doc);
    if (!projections) {
      const forDoc = new Map<string, GuideProjection | null>();
      doc.on('update', () => forDoc.clear());
      this.#byDoc.set(doc, forDoc);
      projections = forDoc;
    }
    if (projections.has(target)) return projections.get(target) ?? null;
    const projection = project();
    projections.set(target, projection);
    return projection;
  }
}
