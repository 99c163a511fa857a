/** The deal room's sections, each addressable by URL: /deals/<id>/<slug>. */
export interface Section {
  slug: 'map' | 'criteria' | 'objections' | 'plan' | 'group' | 'coaching' | 'guides' | 'notes';
  label: string;
}

export const SECTIONS: readonly Section[] = [
  { slug: 'map', label: 'Map' },
  { slug: 'criteria', label: 'Criteria' },
  { slug: 'objections', label: 'Objections' },
  { slug: 'plan', label: 'Plan' },
  { slug: 'group', label: 'Group' },
  { slug: 'coaching', label: 'Coaching' },
  { slug: 'guides', label: 'Guides' },
  { slug: 'notes', label: 'Notes' },
];

/** The section a room path shows (`/deals/<id>/criteria` → criteria), or null for the room's root. */
export function sectionOf(pathname: string): Section['slug'] | null {
  const slug = pathname.split('/')[3];
  return SECTIONS.find((s) => s.slug === slug)?.slug ?? null;
}
