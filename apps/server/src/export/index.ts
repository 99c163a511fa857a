export { parseCsv, toCsv } from './csv-text.ts';
export { type ExportedDeal, exportCsv, exportDeal, readableRooms, readRooms } from './export-deal.ts';
export { type ImportBody, readImportBody } from './import-body.ts';
export { type ImportCounts, mergeImport, type NewDealDocuments, planNewDealImport } from './import-deal.ts';
export { ImportError } from './import-error.ts';
export { type ExportRoutesOptions, exportRoutes } from './routes.ts';
