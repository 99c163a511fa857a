export {
  CRITERIA_CSV_COLUMNS,
  type CsvProblem,
  type CsvRow,
  criteriaToCsvRows,
  csvColumn,
  csvRowsToStakeholders,
  STAKEHOLDER_CSV_COLUMNS,
  type StakeholderCsvColumn,
  type StakeholderUpsert,
  stakeholdersToCsvRows,
  upsertStakeholders,
  type ValidatedRows,
} from './csv-rows.ts';
export {
  DEAL_EXPORT_FORMAT,
  DEAL_EXPORT_VERSION,
  type DealJson,
  type ExistingIds,
  type ImportProblem,
  type Validated,
  validateDealJson,
} from './deal-json.ts';
export { type DocumentJson, docToJson, toPlain } from './doc-to-json.ts';
export { DOCUMENT_SHAPES, type DocumentKind, type DocumentShape, isTextPath } from './document-shapes.ts';
export { jsonToDoc, mergeJson } from './json-to-doc.ts';
export { type NewDealMeta, sellerDocFromJson, sharedDocFromJson } from './new-deal.ts';
export { playbookFromShared } from './playbook.ts';
