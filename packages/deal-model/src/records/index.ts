export * from './field-readers.ts';
export * from './fractional-order.ts';
export * from './ids.ts';
export * from './record-map.ts';
export * from './text-edits.ts';
