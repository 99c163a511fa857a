import {
  type DocumentJson,
  docToJson,
  initSellerDoc,
  initSharedDoc,
  playbookFromShared,
  seedSampleDeal,
} from '@quorum/deal-model';
import * as Y from 'yjs';

/** A template every organization has. */
export interface BuiltInTemplate {
  id: string;
  name: string;
  content: () => DocumentJson;
}

let samplePlaybook: DocumentJson | undefined;

/** The sample deal (seed 000's laptop refresh) as a playbook, made once. */
function samplePlaybookContent(): DocumentJson {
  if (!samplePlaybook) {
    const shared = new Y.Doc();
    const seller = new Y.Doc();
    initSharedDoc(shared, { title: 'Sample', buyer: 'Sample' });
    initSellerDoc(seller);
    seedSampleDeal(shared, seller);
    samplePlaybook = playbookFromShared(docToJson(shared, 'shared'));
  }
  return structuredClone(samplePlaybook);
}

/** The built-in templates, offered to every organization before its own. */
export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  { id: 'sample-laptop-refresh', name: 'Sample: laptop refresh', content: samplePlaybookContent },
];
