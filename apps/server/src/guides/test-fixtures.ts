import * as Y from 'yjs';

/**
 * Distinctive strings planted in every field a guide must never show. A test fails if any of them
 * appears in anything a guide link returns.
 */
export const PRIVATE_MARKERS = {
  profile: 'MARKER-PROFILE-XYZ',
  stance: 'MARKER-STANCE-XYZ',
  influence: 'MARKER-INFLUENCE-XYZ',
  commitment: 'MARKER-COMMITMENT-XYZ',
  department: 'MARKER-DEPARTMENT-XYZ',
  priorities: 'MARKER-PRIORITIES-XYZ',
  role: 'MARKER-ROLE-XYZ',
  relationshipNote: 'MARKER-RELATIONSHIP-XYZ',
  raisedBy: 'MARKER-RAISEDBY-XYZ',
  objectionStatus: 'MARKER-OBJSTATUS-XYZ',
  objectionCategory: 'MARKER-OBJCATEGORY-XYZ',
  criterion: 'MARKER-CRITERION-XYZ',
  dealTitle: 'MARKER-DEALTITLE-XYZ',
  sellerCompany: 'MARKER-SELLERCO-XYZ',
  otherGuide: 'MARKER-OTHERGUIDE-XYZ',
  otherStakeholder: 'MARKER-OTHERNAME-XYZ',
  unlistedObjection: 'MARKER-UNLISTED-XYZ',
  sellerNotes: 'MARKER-SELLERNOTES-XYZ',
  sellerStakeholderNote: 'MARKER-SELLERSTKNOTE-XYZ',
  blockerPlan: 'MARKER-BLOCKERPLAN-XYZ',
  insight: 'MARKER-INSIGHT-XYZ',
  buyerNotes: 'MARKER-BUYERNOTES-XYZ',
  buyerStakeholderNote: 'MARKER-BUYERSTKNOTE-XYZ',
} as const;

/** Markers that belong to the shared document but not to a stakeholder guide (the objection guide shows unlisted objections). */
export const markersOutsideObjectionGuide = Object.values(PRIVATE_MARKERS).filter(
  (marker) => marker !== PRIVATE_MARKERS.unlistedObjection,
);

/** What the guide of the fixture's main stakeholder says (all of it must appear on the page). */
export const GUIDE_TEXT = {
  name: 'Dana Reyes',
  title: 'Chief Financial Officer',
  buyer: 'Globex Manufacturing',
  summary: 'We are replacing the laptops of 400 engineers over two quarters.',
  keyMessages: '- Cash flow stays flat: leasing spreads the cost\n- Productivity gains start in month one',
  asks: 'Approve the leasing line at the March board.',
  objectionTitle: 'Is leasing more expensive over five years?',
  objectionResponse: 'Leasing costs 4 % more in total but frees 1.2 M in cash this year.',
  objectionEvidence: 'Finance model v3, reviewed by our treasury team.',
} as const;

function text(value: string): Y.Text {
  const t = new Y.Text();
  t.insert(0, value);
  return t;
}

function record(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** Ids of the fixture's records. */
export interface FixtureIds {
  stakeholderId: string;
  otherStakeholderId: string;
  listedObjectionId: string;
  unlistedObjectionId: string;
}

/**
 * Writes a realistic shared document: the main stakeholder (Dana, with a guide), another stakeholder with
 * her own guide, two objections (one listed in Dana's guide), a relationship and a criterion, with a
 * marker in every field a guide must never show.
 */
export function writeSharedFixture(doc: Y.Doc): FixtureIds {
  const ids: FixtureIds = {
    stakeholderId: '11111111-1111-4111-8111-111111111111',
    otherStakeholderId: '22222222-2222-4222-8222-222222222222',
    listedObjectionId: '33333333-3333-4333-8333-333333333333',
    unlistedObjectionId: '44444444-4444-4444-8444-444444444444',
  };
  const m = PRIVATE_MARKERS;
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('title', m.dealTitle);
    meta.set('buyer', GUIDE_TEXT.buyer);
    meta.set('seller', m.sellerCompany);
    meta.set('schemaVersion', 1);
    const stakeholders = doc.getMap('stakeholders');
    stakeholders.set(
      ids.stakeholderId,
      record({
        name: GUIDE_TEXT.name,
        title: GUIDE_TEXT.title,
        department: m.department,
        role: m.role,
        profile: m.profile,
        influence: m.influence,
        stance: m.stance,
        commitment: m.commitment,
        reportsTo: ids.otherStakeholderId,
        priorities: text(m.priorities),
        order: 1,
      }),
    );
    stakeholders.set(
      ids.otherStakeholderId,
      record({ name: m.otherStakeholder, title: 'CEO', profile: 'blocker', influence: 5, stance: -2, order: 2 }),
    );
    doc
      .getMap('relationships')
      .set(
        '55555555-5555-4555-8555-555555555555',
        record({ from: ids.stakeholderId, to: ids.otherStakeholderId, kind: 'rivals', note: m.relationshipNote }),
      );
    doc
      .getMap('criteria')
      .set(
        '66666666-6666-4666-8666-666666666666',
        record({ name: m.criterion, description: text(m.criterion), weight: 40, kind: 'informal', order: 1 }),
      );
    const objections = doc.getMap('objections');
    objections.set(
      ids.listedObjectionId,
      record({
        title: GUIDE_TEXT.objectionTitle,
        raisedBy: m.raisedBy,
        category: m.objectionCategory,
        response: text(GUIDE_TEXT.objectionResponse),
        evidence: text(GUIDE_TEXT.objectionEvidence),
        status: m.objectionStatus,
        owner: 'buyer',
        order: 1,
      }),
    );
    objections.set(
      ids.unlistedObjectionId,
      record({
        title: m.unlistedObjection,
        raisedBy: ids.otherStakeholderId,
        category: 'risk',
        response: text('Pilot with twenty engineers first.'),
        evidence: text('Pilot plan attached.'),
        status: 'open',
        owner: 'seller',
        order: 2,
      }),
    );
    const guides = doc.getMap('guides');
    const objectionIds = new Y.Array<string>();
    objectionIds.push([ids.listedObjectionId, 'no-such-objection']);
    guides.set(
      ids.stakeholderId,
      record({
        summary: text(GUIDE_TEXT.summary),
        keyMessages: text(GUIDE_TEXT.keyMessages),
        asks: text(GUIDE_TEXT.asks),
        objectionIds,
      }),
    );
    guides.set(
      ids.otherStakeholderId,
      record({ summary: text(m.otherGuide), keyMessages: text(m.otherGuide), asks: text(m.otherGuide) }),
    );
  });
  return ids;
}

/** Writes the seller document's private fields, each holding a marker. */
export function writeSellerFixture(doc: Y.Doc, stakeholderId: string): void {
  const m = PRIVATE_MARKERS;
  doc.transact(() => {
    doc.getText('notes').insert(0, m.sellerNotes);
    doc.getMap('stakeholderNotes').set(stakeholderId, text(m.sellerStakeholderNote));
    doc.getMap('blockerPlans').set(
      stakeholderId,
      record({
        persuadableByOthers: true,
        reasonable: false,
        specialConcern: m.blockerPlan,
        action: 'social-pressure',
      }),
    );
    doc.getMap('insight').set('problem', m.insight);
  });
}

/** Writes the buyer document's private fields, each holding a marker. */
export function writeBuyerFixture(doc: Y.Doc, stakeholderId: string): void {
  doc.transact(() => {
    doc.getText('notes').insert(0, PRIVATE_MARKERS.buyerNotes);
    doc.getMap('stakeholderNotes').set(stakeholderId, text(PRIVATE_MARKERS.buyerStakeholderNote));
  });
}
