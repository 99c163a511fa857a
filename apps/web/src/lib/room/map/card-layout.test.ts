import {
  PROFILE_GROUP_LABELS,
  PROFILE_GROUPS,
  STAKEHOLDER_PROFILE_INFO,
  STAKEHOLDER_PROFILES,
  STAKEHOLDER_ROLE_LABELS,
} from '@quorum/deal-model';
import { describe, expect, it } from 'vitest';
import { type CardLayout, layoutCard, overlaps, type Rect } from './card-layout.ts';
import { cardSize } from './geometry.ts';
import { estimateText } from './text-measure.ts';

function profileOf(profile: (typeof STAKEHOLDER_PROFILES)[number]) {
  const group = PROFILE_GROUPS[profile];
  const label = STAKEHOLDER_PROFILE_INFO[profile].label;
  const full = group === 'blocker' || group === 'unknown' ? label : `${label} · ${PROFILE_GROUP_LABELS[group]}`;
  return { full, short: label };
}

function parts(layout: CardLayout): Array<[string, Rect]> {
  const list: Array<[string, Rect]> = [
    ['name', layout.name.box],
    ['subtitle', layout.subtitle.box],
    ['stance', layout.stance.box],
    ['ring', layout.ring.box],
    ['profile', layout.profile.box],
  ];
  if (layout.role) list.push(['role', layout.role.box]);
  if (layout.marks) list.push(['marks', layout.marks.box]);
  return list;
}

const roles = ['', ...Object.values(STAKEHOLDER_ROLE_LABELS)];
const names = ['Jo', 'Maximilian Alexander von Hohenberg-Wittelsbach'];
const subtitles = ['CFO', 'Head of Digital Workplace and Employee Experience, EMEA'];

describe('layoutCard', () => {
  it('never lets the name, title, stance marker, ring, profile and role chips overlap or leave the card', () => {
    for (const influence of [1, 2, 3, 4, 5]) {
      const size = cardSize(influence);
      for (const profile of STAKEHOLDER_PROFILES) {
        for (const role of roles) {
          for (const [i, name] of names.entries()) {
            const layout = layoutCard(
              size,
              { name, subtitle: subtitles[i]!, profile: profileOf(profile), role, stance: '−2', marks: 2 },
              estimateText,
            );
            const all = parts(layout);
            for (const [label, box] of all) {
              expect(box.x, `${label} inside`).toBeGreaterThanOrEqual(0);
              expect(box.y, `${label} inside`).toBeGreaterThanOrEqual(0);
              expect(box.x + box.width, `${label} inside (influence ${influence})`).toBeLessThanOrEqual(size.width);
              expect(box.y + box.height, `${label} inside`).toBeLessThanOrEqual(size.height);
            }
            for (const [a, boxA] of all)
              for (const [b, boxB] of all)
                if (a < b)
                  expect(overlaps(boxA, boxB), `${a} × ${b}, ${profile}, ${role}, influence ${influence}`).toBe(false);
          }
        }
      }
    }
  });

  it('shows every role in full as a chip, on the smallest card too', () => {
    for (const role of Object.values(STAKEHOLDER_ROLE_LABELS)) {
      const layout = layoutCard(
        cardSize(1),
        { name: 'Mara Jensen', subtitle: 'Head of IT', profile: profileOf('go-getter'), role, stance: '+2' },
        estimateText,
      );
      expect(layout.role?.text).toBe(role);
    }
  });

  it('keeps the group word in the profile chip when there is room, and drops it before cutting the role', () => {
    const roomy = layoutCard(
      cardSize(5),
      { name: 'Henrik Dahl', subtitle: 'CEO', profile: profileOf('teacher'), role: 'Approver', stance: '+1' },
      estimateText,
    );
    expect(roomy.profile.text).toBe('Teacher · Mobilizer');
    const tight = layoutCard(
      { width: 200, height: 80 },
      { name: 'Henrik Dahl', subtitle: 'CEO', profile: profileOf('go-getter'), role: 'Gatekeeper', stance: '+1' },
      estimateText,
    );
    expect(tight.profile.text).toBe('Go-Getter');
    expect(tight.role?.text).toBe('Gatekeeper');
  });

  it('cuts a long name with an ellipsis before the stance marker', () => {
    const layout = layoutCard(
      cardSize(1),
      { name: names[1]!, subtitle: '', profile: profileOf('blocker'), role: '', stance: '−1' },
      estimateText,
    );
    expect(layout.name.text.endsWith('…')).toBe(true);
    expect(layout.name.box.x + layout.name.box.width).toBeLessThan(layout.stance.box.x);
  });
});
