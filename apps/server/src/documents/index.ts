export { type OpenedDoc, readStored, StoredReadTimeout } from './stored-read.ts';
