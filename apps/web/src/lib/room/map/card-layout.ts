import { fitText, type Measure, type TextFont } from './text-measure.ts';

/** An axis-aligned rectangle in card coordinates (origin at the card's top-left corner). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a card says, before it is fitted into its box. */
export interface CardContent {
  name: string;
  subtitle: string;
  /** The profile chip's label in full ("Go-Getter · Mobilizer") and short ("Go-Getter"), used when space is tight. */
  profile: { full: string; short: string };
  /** The buying-center role, or '' for none. */
  role: string;
  /** The signed stance, "+2", "0", "−1". */
  stance: string;
  /** How many small engagement marks (opened their guide, answered) sit at the end of the title line; default 0. */
  marks?: number;
}

/** Where everything of one card goes, and the text as it fits. Every part's `box` is disjoint from the others. */
export interface CardLayout {
  name: { text: string; x: number; y: number; box: Rect };
  subtitle: { text: string; x: number; y: number; box: Rect };
  stance: { text: string; box: Rect };
  ring: { cx: number; cy: number; radius: number; box: Rect };
  profile: { text: string; textX: number; box: Rect };
  role: { text: string; textX: number; box: Rect } | null;
  /** The engagement marks' row, each mark `MARK_SIZE` square, `MARK_GAP` apart; null without marks. */
  marks: { box: Rect } | null;
}

/** The side of one engagement mark on a card. */
export const MARK_SIZE = 14;
/** The space between two engagement marks. */
export const MARK_GAP = 4;

export const CARD_FONTS = {
  name: { size: 14, weight: 650 },
  subtitle: { size: 12, weight: 400 },
  chip: { size: 11, weight: 500 },
  stance: { size: 11, weight: 650 },
} satisfies Record<string, TextFont>;

const left = 16;
const right = 10;
const gap = 6;
const ringRadius = 10;
/** Half the ring's extent: radius plus half its stroke. */
const ringExtent = ringRadius + 2;
const chipHeight = 18;
const profileTextX = 15;
const profilePadRight = 7;
const rolePad = 6;

/**
 * Lays a stakeholder card out inside `width` × `height`: name and title on the left, the stance marker and
 * the commitment ring in the top-right corner, the profile and role chips along the bottom. Text is measured,
 * not guessed: the name stops before the stance marker, the profile chip drops its group word and then
 * shortens before the role chip is cut, and nothing ever overlaps.
 */
export function layoutCard(
  { width, height }: { width: number; height: number },
  content: CardContent,
  measure: Measure,
): CardLayout {
  const ring = { cx: width - right - ringExtent, cy: 8 + ringExtent, radius: ringRadius };
  const ringBox = { x: ring.cx - ringExtent, y: ring.cy - ringExtent, width: ringExtent * 2, height: ringExtent * 2 };

  const stanceWidth = Math.max(30, Math.ceil(measure(content.stance, CARD_FONTS.stance)) + 14);
  const stanceBox = { x: ringBox.x - gap - stanceWidth, y: ring.cy - chipHeight / 2, width: stanceWidth, height: 18 };

  const nameText = fitText(content.name, stanceBox.x - gap - left, CARD_FONTS.name, measure);
  const nameY = 23;
  const name = { text: nameText, x: left, y: nameY, box: textBox(nameText, left, nameY, CARD_FONTS.name, measure) };

  const subtitleY = ringBox.y + ringBox.height + 12;
  const markCount = content.marks ?? 0;
  const marksWidth = markCount > 0 ? markCount * MARK_SIZE + (markCount - 1) * MARK_GAP : 0;
  const marks =
    markCount > 0
      ? {
          box: {
            x: width - right - marksWidth,
            y: ringBox.y + ringBox.height + 2,
            width: marksWidth,
            height: MARK_SIZE,
          },
        }
      : null;
  const subtitleRoom = width - left - right - (marks ? marksWidth + gap : 0);
  const subtitleText = fitText(content.subtitle, subtitleRoom, CARD_FONTS.subtitle, measure);
  const subtitle = {
    text: subtitleText,
    x: left,
    y: subtitleY,
    box: textBox(subtitleText, left, subtitleY, CARD_FONTS.subtitle, measure),
  };

  const chipY = height - 8 - chipHeight;
  const available = width - left - right;
  const chipWidth = (label: string) => Math.ceil(measure(label, CARD_FONTS.chip)) + profileTextX + profilePadRight;
  const roleWidth = content.role ? Math.ceil(measure(content.role, CARD_FONTS.chip)) + rolePad * 2 : 0;
  const roleRoom = content.role ? roleWidth + gap : 0;

  let profileText = content.profile.full;
  if (chipWidth(profileText) + roleRoom > available) profileText = content.profile.short;
  // Keep at least the dot and a few letters of the profile; the role chip gives way only after that.
  const minProfile = profileTextX + profilePadRight + 28;
  const roleBoxWidth = Math.min(roleWidth, Math.max(0, available - gap - minProfile));
  const profileMax = available - (content.role ? roleBoxWidth + gap : 0);
  profileText = fitText(profileText, profileMax - profileTextX - profilePadRight, CARD_FONTS.chip, measure);
  const profileBox = { x: left, y: chipY, width: Math.min(chipWidth(profileText), profileMax), height: chipHeight };

  let role: CardLayout['role'] = null;
  if (content.role && roleBoxWidth > 0) {
    const text = fitText(content.role, roleBoxWidth - rolePad * 2, CARD_FONTS.chip, measure);
    role = {
      text,
      textX: rolePad,
      box: { x: profileBox.x + profileBox.width + gap, y: chipY, width: roleBoxWidth, height: chipHeight },
    };
  }

  return {
    name,
    subtitle,
    stance: { text: content.stance, box: stanceBox },
    ring: { ...ring, box: ringBox },
    profile: { text: profileText, textX: profileTextX, box: profileBox },
    role,
    marks,
  };
}

/** The box a line of text occupies around its baseline `y` (ascent ≈ 0.95 em, descent ≈ 0.25 em). */
function textBox(text: string, x: number, y: number, font: TextFont, measure: Measure): Rect {
  return { x, y: y - font.size * 0.95, width: measure(text, font), height: font.size * 1.2 };
}

/** True when two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
