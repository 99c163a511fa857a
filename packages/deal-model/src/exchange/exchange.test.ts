import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCriteria } from '../criteria/index.ts';
import { seedSampleDeal } from '../sample-deal/index.ts';
import { initSellerDoc } from '../seller-doc/index.ts';
import { initSharedDoc } from '../shared-doc/index.ts';
import { addStakeholder, readStakeholders } from '../stakeholders/index.ts';
import {
  csvRowsToStakeholders,
  type DealJson,
  docToJson,
  jsonToDoc,
  mergeJson,
  playbookFromShared,
  sharedDocFromJson,
  stakeholdersToCsvRows,
  upsertStakeholders,
  validateDealJson,
} from './index.ts';

function sample() {
  const shared = new Y.Doc();
  const seller = new Y.Doc();
  initSharedDoc(shared, { title: 'Next laptop generation', buyer: 'Nordwind Logistics', seller: 'Acme' });
  initSellerDoc(seller);
  const ids = seedSampleDeal(shared, seller);
  return { shared, seller, ids };
}

function exported(): DealJson {
  const { shared, seller } = sample();
  return {
    format: 'quorum-deal',
    version: 1,
    deal: { title: 'Next laptop generation', buyer: 'Nordwind Logistics' },
    shared: docToJson(shared, 'shared'),
    seller: docToJson(seller, 'seller'),
  };
}

describe('docToJson and jsonToDoc', () => {
  it('turns every map into an object and every text into a string, with ids as keys', () => {
    const { shared, ids } = sample();
    const json = docToJson(shared, 'shared');
    const stakeholders = json.stakeholders as Record<string, Record<string, unknown>>;
    expect(stakeholders[ids.cfo]?.name).toBeTypeOf('string');
    expect(stakeholders[ids.cfo]?.priorities).toBeTypeOf('string');
    const criterion = (json.criteria as Record<string, Record<string, unknown>>)[ids.tco]!;
    expect(criterion.description).toBeTypeOf('string');
    expect(criterion.scores).toBeTypeOf('object');
    expect(json.relationships).toBeTypeOf('object');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('round-trips the sample deal: same JSON, ids kept, collaborative texts are Y.Text again', () => {
    const { shared, seller, ids } = sample();
    const sharedJson = docToJson(shared, 'shared');
    const sellerJson = docToJson(seller, 'seller');
    const sharedAgain = jsonToDoc('shared', sharedJson);
    const sellerAgain = jsonToDoc('seller', sellerJson);
    expect(docToJson(sharedAgain, 'shared')).toEqual(sharedJson);
    expect(docToJson(sellerAgain, 'seller')).toEqual(sellerJson);
    expect(JSON.stringify(docToJson(sharedAgain, 'shared'))).toBe(JSON.stringify(sharedJson));
    const criterion = sharedAgain.getMap('criteria').get(ids.tco) as Y.Map<unknown>;
    expect(criterion.get('description')).toBeInstanceOf(Y.Text);
    expect(criterion.get('scores')).toBeInstanceOf(Y.Map);
    expect(sellerAgain.getText('notes').toString()).toBe(seller.getText('notes').toString());
    expect(readCriteria(sharedAgain)).toEqual(readCriteria(shared));
  });

  it('merges by id: existing records updated field by field, new ones added, nothing deleted', () => {
    const { shared, ids } = sample();
    const before = readStakeholders(shared).length;
    const newId = '00000000-0000-4000-8000-000000000001';
    mergeJson(shared, 'shared', {
      stakeholders: {
        [ids.cfo]: { title: 'Chief Financial Officer (interim)' },
        [newId]: { name: 'Nia New', title: 'Controller', influence: 2 },
      },
    });
    const after = readStakeholders(shared);
    expect(after).toHaveLength(before + 1);
    const cfo = after.find((s) => s.id === ids.cfo)!;
    expect(cfo.title).toBe('Chief Financial Officer (interim)');
    expect(cfo.name).not.toBe('');
    expect(after.find((s) => s.id === newId)?.name).toBe('Nia New');
  });
});

describe('validateDealJson', () => {
  it('accepts an export of the sample deal', () => {
    const result = validateDealJson(exported());
    expect(result.ok ? 'valid' : result.problems).toBe('valid');
  });

  it('names every problem with its path, all at once', () => {
    const json = exported();
    const stakeholders = json.shared.stakeholders as Record<string, Record<string, unknown>>;
    const [first, second] = Object.keys(stakeholders);
    stakeholders[first!]!.influence = 9;
    stakeholders[second!]!.profile = 'wizard';
    (json.deal as { title: string }).title = '';
    const result = validateDealJson(json);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `shared.stakeholders.${first}.influence`,
        `shared.stakeholders.${second}.profile`,
        'deal.title',
      ]),
    );
    expect(paths).toHaveLength(3);
  });

  it('refuses a reference to a record neither the import nor the deal holds, and accepts one the deal holds', () => {
    const json = exported();
    const someone = '00000000-0000-4000-8000-00000000abcd';
    const criteria = json.shared.criteria as Record<string, Record<string, unknown>>;
    const [criterion] = Object.keys(criteria);
    criteria[criterion!]!.owner = someone;
    const refused = validateDealJson(json);
    expect(refused.ok ? [] : refused.problems).toEqual([
      { path: `shared.criteria.${criterion}.owner`, message: `No stakeholder has the id ${someone}.` },
    ]);
    expect(validateDealJson(json, { stakeholders: [someone] }).ok).toBe(true);
  });

  it('refuses what is not an export', () => {
    const result = validateDealJson({ format: 'other', version: 2, shared: {} });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['format', 'version', 'deal']);
  });
});

describe('a new deal from JSON', () => {
  it('has every plan stage, a status-quo option and the deal’s own meta even when the JSON has none', () => {
    const doc = sharedDocFromJson({}, { title: 'T', buyer: 'B', seller: 'S' });
    const json = docToJson(doc, 'shared');
    expect(Object.keys(json.plan as object).sort()).toEqual(
      ['define-criteria', 'evaluate-options', 'learn', 'understand-need', 'validate-select'].sort(),
    );
    expect(
      Object.values(json.options as Record<string, { isStatusQuo: boolean }>).filter((o) => o.isStatusQuo),
    ).toHaveLength(1);
    expect(json.meta).toEqual({ title: 'T', buyer: 'B', seller: 'S', schemaVersion: 1 });
  });
});

describe('stakeholder CSV rows', () => {
  it('exports CRM-shaped rows with the manager by name', () => {
    const { shared, ids } = sample();
    const rows = stakeholdersToCsvRows(shared);
    expect(rows).toHaveLength(readStakeholders(shared).length);
    const withManager = readStakeholders(shared).find((s) => s.reportsTo);
    if (withManager) {
      const manager = readStakeholders(shared).find((s) => s.id === withManager.reportsTo)!;
      expect(rows.find((r) => r.name === withManager.name)?.reportsTo).toBe(manager.name);
    }
    expect(Object.keys(rows[0]!)).toEqual([
      'name',
      'title',
      'department',
      'email',
      'role',
      'profile',
      'influence',
      'stance',
      'commitment',
      'reportsTo',
    ]);
    expect(ids.cfo).toBeTruthy();
  });

  it('names every bad cell of every row (three errors, three problems)', () => {
    const result = csvRowsToStakeholders([
      { name: 'Ana', influence: '7' },
      { name: '', title: 'CFO' },
      { name: 'Bo', role: 'boss' },
      { name: 'Cy', stance: '1' },
    ]);
    expect(result.ok ? [] : result.problems).toEqual([
      { row: 2, column: 'influence', message: 'influence must be from 1 to 5.' },
      { row: 3, column: 'name', message: 'Every stakeholder needs a name.' },
      {
        row: 4,
        column: 'role',
        message: 'role must be one of: approver, decider, gatekeeper, influencer, buyer, user.',
      },
    ]);
  });

  it('updates a stakeholder matched by name and title, adds the others, and resolves reportsTo by name', () => {
    const doc = new Y.Doc();
    initSharedDoc(doc, { title: 'T', buyer: 'B' });
    const ana = addStakeholder(doc, { name: 'Ana Ruiz', title: 'CFO', influence: 4 });
    const existing = readStakeholders(doc);
    const result = csvRowsToStakeholders(
      [
        { name: 'ana ruiz', title: 'cfo', stance: '2' },
        { name: 'Ben Ode', title: 'Controller', reportsTo: 'Ana Ruiz', email: 'ben@nordwind.example' },
      ],
      existing,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    upsertStakeholders(doc, result.value);
    const after = readStakeholders(doc);
    expect(after).toHaveLength(2);
    expect(after.find((s) => s.id === ana)).toMatchObject({ name: 'Ana Ruiz', influence: 4, stance: 2 });
    expect(after.find((s) => s.name === 'Ben Ode')).toMatchObject({ reportsTo: ana, title: 'Controller' });
    expect(stakeholdersToCsvRows(doc).find((r) => r.name === 'Ben Ode')?.email).toBe('ben@nordwind.example');
    const unknown = csvRowsToStakeholders([{ name: 'Cy', reportsTo: 'Nobody' }], existing);
    expect(unknown.ok ? [] : unknown.problems).toEqual([
      { row: 2, column: 'reportsTo', message: 'No stakeholder is named Nobody.' },
    ]);
  });
});

describe('playbookFromShared', () => {
  it('keeps criteria, options, verifiers (not done) and the objection library, and nothing about people', () => {
    const { shared } = sample();
    const json = docToJson(shared, 'shared');
    const playbook = playbookFromShared(json);
    expect(Object.keys(playbook).sort()).toEqual(['criteria', 'objections', 'options', 'plan']);
    const text = JSON.stringify(playbook);
    for (const id of Object.keys(json.stakeholders as object)) expect(text).not.toContain(id);
    for (const s of readStakeholders(shared)) expect(text).not.toContain(s.name);
    expect(Object.keys(playbook.criteria as object)).toEqual(Object.keys(json.criteria as object));
    const verifiers = Object.values(
      playbook.plan as Record<string, { verifiers: Record<string, { done: boolean }> }>,
    ).flatMap((stage) => Object.values(stage.verifiers));
    expect(verifiers.length).toBeGreaterThan(0);
    expect(verifiers.every((v) => v.done === false)).toBe(true);
    const doc = sharedDocFromJson(playbook, { title: 'T', buyer: 'B', seller: 'S' });
    expect(readStakeholders(doc)).toEqual([]);
    expect(readCriteria(doc).map((c) => c.name)).toEqual(readCriteria(shared).map((c) => c.name));
  });
});
